module blockedforever/recorder

// The programs in programs/ (except tick, which has its own module) are
// meant to show Go 1.27, so this go line says 1.27: it also decides their
// timer semantics.
go 1.27.0

require (
	blockedforever/recorder/probe v0.0.0
	golang.org/x/exp v0.0.0-20261113113407-e3970619a1a4
)

// The probe is a module of its own so that Go 1.19 can build it too.
replace blockedforever/recorder/probe => ./probe
