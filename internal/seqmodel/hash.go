package seqmodel

// Feature is one feature as text, for explanations: its template and
// one or two values.
type Feature struct {
	T    uint8
	A, B string
}

// Hasher appends hashed features to a Seq without allocating; with
// Explain set it also keeps them as text.
type Hasher struct {
	Seq       Seq
	Explain   bool
	Explained []Feature
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
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

// Hash returns the hash of the feature of template t with values a and b.
func Hash(t uint8, a, b string) uint32 {
	h := (offset32 ^ uint32(t)) * prime32
	h = hashString(h, a)
	if b != "" {
		h = (h ^ 0xff) * prime32
		h = hashString(h, b)
	}
	return mix(h)
}

// Add adds the feature of template t with value a.
func (h *Hasher) Add(t uint8, a string) { h.Add2(t, a, "") }

// Add2 adds the feature of template t with values a and b.
func (h *Hasher) Add2(t uint8, a, b string) {
	h.Seq.Feats = append(h.Seq.Feats, Hash(t, a, b))
	if h.Explain {
		h.Explained = append(h.Explained, Feature{T: t, A: a, B: b})
	}
}

// Reset empties h for a new sequence.
func (h *Hasher) Reset() {
	h.Seq.Reset()
	h.Explained = h.Explained[:0]
}
