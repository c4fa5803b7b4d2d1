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
// One multiplication between two shifts: the low bits take the high
// bits of the inputs, and the high bits of the product go down.
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 15
	return h
}

// StrHash returns the hash of one feature value, for [Hasher.AddH].
func StrHash(s string) uint32 { return hashString(offset32, s) }

// Combine returns the hash of the feature of template t whose values
// hash to a and b (b is 0 for a feature of one value).
func Combine(t uint8, a, b uint32) uint32 {
	return mix((uint32(t)+1)*0x9e3779b1 ^ a ^ (b*0x85ebca6b + 0x27d4eb2f))
}

// Hash returns the hash of the feature of template t with the value a
// (Add) or the values a and b (Add2).
func Hash(t uint8, a string, b ...string) uint32 {
	if len(b) == 0 {
		return Combine(t, StrHash(a), 0)
	}
	return Combine(t, StrHash(a), StrHash(b[0]))
}

// Add adds the feature of template t with value a.
func (h *Hasher) Add(t uint8, a string) { h.AddH(t, a, StrHash(a)) }

// Add2 adds the feature of template t with values a and b.
func (h *Hasher) Add2(t uint8, a, b string) { h.AddH2(t, a, StrHash(a), b, StrHash(b)) }

// AddH adds the feature of template t with value a whose StrHash is ha:
// values hashed once serve many features.
func (h *Hasher) AddH(t uint8, a string, ha uint32) {
	h.Seq.Feats = append(h.Seq.Feats, Combine(t, ha, 0))
	if h.Explain {
		h.Explained = append(h.Explained, Feature{T: t, A: a})
	}
}

// AddH2 adds the feature of template t with values a and b whose
// StrHashes are ha and hb.
func (h *Hasher) AddH2(t uint8, a string, ha uint32, b string, hb uint32) {
	h.Seq.Feats = append(h.Seq.Feats, Combine(t, ha, hb))
	if h.Explain {
		h.Explained = append(h.Explained, Feature{T: t, A: a, B: b})
	}
}

// Reset empties h for a new sequence.
func (h *Hasher) Reset() {
	h.Seq.Reset()
	h.Explained = h.Explained[:0]
}
