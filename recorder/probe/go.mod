// The probe is its own module, with a go line old enough for Go 1.19 to read,
// because it is compiled into every recorded program, including the tick
// program that is built with Go 1.19.
module blockedforever/recorder/probe

go 1.19
