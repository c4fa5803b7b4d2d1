// Package pipeline is the Apache Beam pipeline of hearsay: it reads a
// corpus (text files, one document each, or JSON Lines with an id and a
// text a line), analyzes every document with one [hearsay.Analyzer] per
// worker, writes the documents as JSON Lines and totals the sourcing
// report of the corpus with a Beam combiner. The same pipeline runs on
// the local prism runner and, by flags, on Dataflow, Flink or Spark.
package pipeline
