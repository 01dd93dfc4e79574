const loading = new Map<string, Promise<void>>();

/**
 * Adds a classic script of the site's folder to the page once, and resolves when it has run (a
 * script that failed to load is tried again by the next call). The
 * build's lazily loaded files (the deferred markup, the replay's data, the live widget's code) are
 * classic scripts because a page opened from file:// may not fetch() them; the CSP's script-src
 * 'self' covers them.
 */
export function loadScript(src: string): Promise<void> {
  let done = loading.get(src);
  if (done === undefined) {
    done = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => {
        resolve();
      };
      script.onerror = () => {
        // Forgotten, so that the next call tries again (a dropped connection, a laptop back online).
        loading.delete(src);
        script.remove();
        reject(new Error(`could not load ${src}`));
      };
      document.head.append(script);
    });
    loading.set(src, done);
  }
  return done;
}
