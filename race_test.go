//go:build race

package hearsay_test

// raceEnabled holds under the race detector, which makes every step ten
// times slower: the growth tests take smaller inputs, and the tests that
// analyze the whole news corpus skip.
const raceEnabled = true
