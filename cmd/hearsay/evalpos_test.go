package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A treebank of our own: a multiword token ("don't"), an empty node,
// and an XPOS for every word.
const miniEN = `# sent_id = 1
# text = They don't know.
1	They	they	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
3.1	know	know	VERB	VB	_	_	_	_	_
4	know	know	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = 2
# text = The plant closed.
1	The	the	DET	DT	_	2	det	_	_
2	plant	plant	NOUN	NN	_	3	nsubj	_	_
3	closed	close	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
`

const miniES = `# sent_id = 1
# text = El ministro habló.
1	El	el	DET	_	_	2	det	_	_
2	ministro	ministro	NOUN	_	_	3	nsubj	_	_
3	habló	hablar	VERB	_	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	_	_	3	punct	_	_
`

func TestEvalPOS(t *testing.T) {
	dir := t.TempDir()
	en, es := filepath.Join(dir, "en.conllu"), filepath.Join(dir, "es.conllu")
	for name, data := range map[string]string{en: miniEN, es: miniES} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
		last string
	}{
		{"english", []string{"eval", "pos", en}, "upos 100.0 xpos 100.0 tokens 9"},
		{"english errors", []string{"eval", "pos", "-errors", en}, "upos 100.0 xpos 100.0 tokens 9"},
		{"spanish", []string{"eval", "pos", "-lang", "es", es}, "upos 100.0 xpos - tokens 4"},
		{"two files", []string{"eval", "pos", en, en}, "upos 100.0 xpos 100.0 tokens 18"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tt.args, nil, &out, &errOut); code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if got := lines[len(lines)-1]; got != tt.last {
				t.Errorf("last line %q, want %q (output:\n%s)", got, tt.last, out.String())
			}
		})
	}
}

func TestEvalPOSErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(bad, []byte("1\tonly\tthree\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no file", []string{"eval", "pos"}, 2, "usage: hearsay eval pos"},
		{"bad flag", []string{"eval", "pos", "-x", bad}, 2, "usage: hearsay eval pos"},
		{"bad language", []string{"eval", "pos", "-lang", "!!", bad}, 2, "bad -lang"},
		{"missing file", []string{"eval", "pos", filepath.Join(dir, "none.conllu")}, 1, "none.conllu"},
		{"malformed", []string{"eval", "pos", bad}, 1, "bad.conllu:1: 3 columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tt.args, nil, &out, &errOut); code != tt.code || !strings.Contains(errOut.String(), tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut.String(), tt.code, tt.msg)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q, want nothing", out.String())
			}
		})
	}
}
