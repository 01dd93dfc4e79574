// Keeps the reader's place across languages: a click on a link marked data-keep-hash (the
// language switch) carries the URL hash along, which holds the replay state and the section.
document.addEventListener("click", (event) => {
  const target = event.target;
  if (!(target instanceof Element)) return;
  const link = target.closest<HTMLAnchorElement>("a[data-keep-hash]");
  if (link && location.hash && !link.hash) link.hash = location.hash;
});
