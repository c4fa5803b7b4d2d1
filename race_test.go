//go:build race

package hearsay_test

// raceEnabled shrinks the inputs of the growth tests: the race detector
// makes every step ten times slower, not the ratios they check.
const raceEnabled = true
