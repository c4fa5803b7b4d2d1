package seqmodel

// Feature is one feature as text, for explanations: its template and
// one or two values.
type Feature struct {
	T    uint8
	A, B string
}

// Hasher holds the hashed features of a sequence (see [Combine]).
type Hasher struct {
	Seq Seq
}

const (
	offset32 = 2166136261
	prime32  = 16777619
)

func hashString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= prime32
	}
	return h
}

// mix spreads the bits of an FNV-1a hash over the low bits that pick a
// bucket.
// One multiplication between two shifts: the low bits take the high
// bits of the inputs, and the high bits of the product go down.
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 15
	return h
}

// StrHash returns the hash of one feature value, for [Combine].
func StrHash(s string) uint32 { return hashString(offset32, s) }

// Combine returns the hash of the feature of template t whose values
// hash to a and b (b is 0 for a feature of one value).
func Combine(t uint8, a, b uint32) uint32 {
	return mix((uint32(t)+1)*0x9e3779b1 ^ a ^ (b*0x85ebca6b + 0x27d4eb2f))
}

// Reset empties h for a new sequence.
func (h *Hasher) Reset() { h.Seq.Reset() }
