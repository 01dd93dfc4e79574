// The tick program is its own module because the go line below decides how
// package time behaves: a module that says go 1.23 or later gets timers that
// the GC can collect even when nobody stopped them. This one says go 1.19,
// the Go that the time.Tick mistake was made with. The recorder builds the
// Go 1.19 recording with this file as it is, and the Go 1.27 recording with a
// copy whose go line says 1.27 (go build -modfile), so each recording shows
// the semantics of the Go it ran on.
module blockedforever/recorder/programs/tick

go 1.19
