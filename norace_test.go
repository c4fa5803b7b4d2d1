//go:build !race

package hearsay_test

const raceEnabled = false
