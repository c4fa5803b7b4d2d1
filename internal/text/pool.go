package text

import "sync"

var tokensPool = sync.Pool{New: func() any { return new(Tokens) }}

// GetTokens returns a Tokens buffer from a pool shared by hearsay's
// packages, for scratch use within one call.
func GetTokens() *Tokens { return tokensPool.Get().(*Tokens) }

// PutTokens resets t, so that it keeps no text alive, and returns it to
// the pool. t must not be used afterwards.
func PutTokens(t *Tokens) {
	if cap(t.Toks) > maxPooled {
		return // the buffer of a long text is left to the collector
	}
	t.Reset()
	tokensPool.Put(t)
}

// maxPooled is the largest token capacity a pooled buffer keeps: the
// buffer of a book-length text would otherwise stay in memory, unused,
// while the rest of its analysis is written out.
const maxPooled = 1 << 16
