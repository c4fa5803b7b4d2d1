package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn2x1[context.Context, string, error](&shardFn{})
}

// WriteShards writes a PCollection<string> as lines of files named
// PREFIX-RANDOM.jsonl, one file for each bundle the runner processes, so
// that no worker has to hold or write the whole collection (textio.Write
// groups every line on one worker). Each file is written under a
// temporary name and renamed once complete, so a failed bundle leaves no
// partial file under the final name; a runner that retries a bundle after
// it finished may leave one complete file twice (the documents carry
// their id).
func WriteShards(s beam.Scope, prefix string, lines beam.PCollection) {
	s = s.Scope("hearsay.WriteShards")
	filesystem.ValidateScheme(prefix)
	beam.ParDo0(s, &shardFn{Prefix: prefix}, lines)
}

// shardFn writes the lines of one bundle to one file.
type shardFn struct {
	Prefix string `json:"prefix"`

	fs   filesystem.Interface
	name string // the file being written; empty between bundles
	w    io.WriteCloser
	buf  *bufio.Writer
}

// Setup opens the file system of the prefix.
func (fn *shardFn) Setup(ctx context.Context) error {
	fs, err := filesystem.New(ctx, fn.Prefix)
	fn.fs = fs
	return err
}

// ProcessElement writes one line, opening the bundle's file at its first.
func (fn *shardFn) ProcessElement(ctx context.Context, line string) error {
	if fn.name == "" {
		var r [8]byte
		if _, err := rand.Read(r[:]); err != nil {
			return err
		}
		name := fn.Prefix + "-" + hex.EncodeToString(r[:]) + ".jsonl"
		w, err := fn.fs.OpenWrite(ctx, name+".tmp")
		if err != nil {
			return fmt.Errorf("hearsay: %w", err)
		}
		fn.name, fn.w = name, w
		if fn.buf == nil {
			fn.buf = bufio.NewWriterSize(w, 1<<20)
		} else {
			fn.buf.Reset(w)
		}
	}
	fn.buf.WriteString(line)
	return fn.buf.WriteByte('\n')
}

// FinishBundle completes the bundle's file, if it has one.
func (fn *shardFn) FinishBundle(ctx context.Context) error {
	if fn.name == "" {
		return nil
	}
	name, w := fn.name, fn.w
	fn.name, fn.w = "", nil
	err := fn.buf.Flush()
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("hearsay: %s: %w", name, err)
	}
	if r, ok := fn.fs.(filesystem.Renamer); ok {
		return r.Rename(ctx, name+".tmp", name)
	}
	return fmt.Errorf("hearsay: %s: the file system cannot rename %s.tmp", name, name)
}

// Teardown closes the file system.
func (fn *shardFn) Teardown() error {
	if fn.fs == nil {
		return nil
	}
	return fn.fs.Close()
}
