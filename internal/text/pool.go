package text

import "sync"

var tokensPool = sync.Pool{New: func() any { return new(Tokens) }}

// GetTokens returns a Tokens buffer from a pool shared by hearsay's
// packages, for scratch use within one call.
func GetTokens() *Tokens { return tokensPool.Get().(*Tokens) }

// PutTokens resets t, so that it keeps no text alive, and returns it to
// the pool. t must not be used afterwards.
func PutTokens(t *Tokens) {
	t.Reset()
	tokensPool.Put(t)
}
