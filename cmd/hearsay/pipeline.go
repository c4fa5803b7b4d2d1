package main

import (
	"iter"
	"sync"
)

// result is what a worker made of one item: the encoded output of the
// document, or the error that stopped it, and warnings for standard
// error. The text and the model are dropped once encoded, so a result
// holds only its output.
type result struct {
	seq      int
	id       string
	piece    piece
	warnings []string
	err      error
}

// pipeline reads items, has up to jobs workers turn each into a result
// with work, and calls write with the results in input order, as soon as
// each one and all before it are done. It is bounded: an item is read
// only when fewer than 2*jobs items are read and not yet written, so
// memory holds at most 2*jobs documents (and their outputs) at a time,
// whatever the size of the corpus. When write returns false, pipeline
// reads no further items and returns without waiting for the item being
// read or the documents being analyzed, which are dropped.
//
// Items that carry an error skip the workers and reach write in their
// place.
func pipeline(items iter.Seq[item], jobs int, work func(item) result, write func(result) bool) {
	type job struct {
		it   item
		done chan<- result
	}
	// tokens holds one token for each item read and not yet written.
	tokens := make(chan struct{}, 2*jobs)
	// order holds each item's result channel in input order.
	order := make(chan chan result, 2*jobs)
	todo := make(chan job)
	stop := make(chan struct{})

	var workers sync.WaitGroup
	for range jobs {
		workers.Go(func() {
			for j := range todo {
				j.done <- work(j.it)
			}
		})
	}

	producer := make(chan struct{})
	go func() {
		defer close(producer)
		defer close(order)
		defer close(todo)
		next, end := iter.Pull(items)
		defer end()
		for {
			// Take a token before reading the next item.
			select {
			case tokens <- struct{}{}:
			case <-stop:
				return
			}
			it, ok := next()
			if !ok {
				return
			}
			done := make(chan result, 1)
			order <- done // never blocks: at most 2*jobs are queued
			if it.err != nil {
				done <- result{seq: it.seq, id: it.id, err: it.err}
				continue
			}
			select {
			case todo <- job{it, done}:
			case <-stop:
				return
			}
		}
	}()

	for done := range order {
		r := <-done
		ok := write(r)
		<-tokens
		if !ok {
			// The producer may be inside a read that does not end soon
			// (a terminal on standard input): do not wait for it. It
			// stops at its next step, and the workers after it.
			close(stop)
			return
		}
	}
	<-producer
	workers.Wait()
}
