package main

import (
	"os"
	"runtime/debug"
	"sync"
)

// largeGCPercent is the collector's target (GOGC) once a large document
// is read: the heap may grow by 40% of its live size between
// collections, not by all of it. The analysis of a long text holds about
// 7 bytes per byte of text live (the document being built, the text, the
// lexicons and weights), and Go's default of 100 lets the heap take
// twice that; at 40 it takes 1.4 times, for about 5% more CPU
// (EVALUATION.md, "Corpora on the command line").
const largeGCPercent = 40

// tighten lowers the collector's target to largeGCPercent the first
// time a document of n bytes is large (longer than streamAbove, the
// length from which json and jsonld stream their output), unless the
// user set GOGC or GOMEMLIMIT, which then decide. A corpus of news
// articles never lowers it.
func (g *gcTuner) tighten(n int) {
	if n <= streamAbove {
		return
	}
	g.once.Do(func() {
		if g.getenv("GOGC") == "" && g.getenv("GOMEMLIMIT") == "" {
			g.setPercent(largeGCPercent)
		}
	})
}

// gcTuner sets the collector's target once per process.
type gcTuner struct {
	once       sync.Once
	getenv     func(string) string
	setPercent func(int) int
}

// gc is the process's tuner.
var gc = &gcTuner{getenv: os.Getenv, setPercent: debug.SetGCPercent}
