// Package jsonlibs compares Go JSON libraries on the Bedrock invocation-log corpus of
// internal/benchmark; see README.md. It is a module of its own so that the libraries it
// measures stay out of the main module's dependencies.
package jsonlibs
