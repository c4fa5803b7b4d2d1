//go:build !race

package worktest

// raceEnabled holds under the race detector (see Growth).
const raceEnabled = false
