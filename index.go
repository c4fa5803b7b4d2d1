package hearsay

import "github.com/hearsay-go/hearsay/attribution"

// index holds what the whole-document operations (validation, the
// report, the JSON-LD and DOT encoders) need to look up by ID, built once
// in one pass so that they stay linear in the size of the document.
type index struct {
	attr    map[string]int   // attribution ID -> index
	byClaim map[string][]int // claim ID -> its attributions, in order
	// outer[i] holds when another attribution of the same claim is
	// reported through attribution i: i is the medium, not a holder
	// ("as reported by Axios" in "officials, as reported by Axios, claim").
	outer []bool
	// inner[i] lists the attributions of the same claim reported through i.
	inner map[int][]int
	via   viaWalk
}

func (d *Document) index() *index {
	ix := &index{
		attr:    attributionIndex(d.Attributions),
		byClaim: make(map[string][]int, len(d.Claims)),
		outer:   make([]bool, len(d.Attributions)),
		inner:   map[int][]int{},
	}
	for i, a := range d.Attributions {
		ix.byClaim[a.Claim] = append(ix.byClaim[a.Claim], i)
		if v, ok := ix.attr[a.Via]; ok && a.Via != "" && d.Attributions[v].Claim == a.Claim {
			ix.outer[v] = true
			ix.inner[v] = append(ix.inner[v], i)
		}
	}
	ix.via = walkVia(d.Attributions, ix.attr)
	return ix
}

// viaOf returns the attribution a is reported through.
func (ix *index) viaOf(d *Document, a attribution.Attribution) (attribution.Attribution, bool) {
	if a.Via == "" {
		return attribution.Attribution{}, false
	}
	v, ok := ix.attr[a.Via]
	if !ok {
		return attribution.Attribution{}, false
	}
	return d.Attributions[v], true
}

// attributionIndex maps attribution IDs to their index; a duplicate ID
// maps to its first attribution.
func attributionIndex(as []attribution.Attribution) map[string]int {
	m := make(map[string]int, len(as))
	for i, a := range as {
		if _, dup := m[a.ID]; !dup {
			m[a.ID] = i
		}
	}
	return m
}

// viaWalk is what following Via from every attribution finds, computed in
// one linear pass over the via graph (each attribution has at most one
// outgoing Via, so the graph is a forest of chains that may end in loops).
type viaWalk struct {
	// depth[i] is the number of attributions [Index.Chain] returns from
	// attribution i (and [Document.Chain], where IDs are unique).
	depth []int
	// onLoop[i] holds when following Via from i comes back to i.
	onLoop []bool
	// closing lists, for each loop, the attribution whose Via closes it.
	closing []int
}

func walkVia(as []attribution.Attribution, byID map[string]int) viaWalk {
	n := len(as)
	w := viaWalk{depth: make([]int, n), onLoop: make([]bool, n)}
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]uint8, n)
	pos := make([]int, n)
	var path []int
	for s := range n {
		if state[s] != unseen {
			continue
		}
		path = path[:0]
		base := 0
		for i := s; ; {
			if state[i] == done {
				base = w.depth[i]
				break
			}
			if state[i] == onPath {
				// A loop: the nodes from i to the end of the path.
				loop := path[pos[i]:]
				for _, j := range loop {
					w.depth[j], w.onLoop[j], state[j] = len(loop), true, done
				}
				w.closing = append(w.closing, path[len(path)-1])
				base, path = len(loop), path[:pos[i]]
				break
			}
			state[i], pos[i] = onPath, len(path)
			path = append(path, i)
			v, ok := byID[as[i].Via]
			if as[i].Via == "" || !ok {
				break
			}
			i = v
		}
		for k := len(path) - 1; k >= 0; k-- {
			base++
			w.depth[path[k]], state[path[k]] = base, done
		}
	}
	return w
}
