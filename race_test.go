//go:build race

package hearsay_test

// raceEnabled holds under the race detector, which makes the tests that
// analyze the whole news corpus too slow for CI.
const raceEnabled = true
