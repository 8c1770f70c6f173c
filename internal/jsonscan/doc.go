// Package jsonscan reads JSON in place, fast: a Decoder walks one value token by token over a
// byte slice, validating as it goes, and hands back values that alias the input, so that a
// decoder can pull the few members it needs out of a record and keep the rest (bodies) as raw
// bytes without copying or reflection.
//
// Its methods mirror the subset of jsontext.Decoder the provider decoders use (PeekKind,
// ReadToken, ReadValue, SkipValue), with the options those decoders always set: duplicate
// member names and invalid UTF-8 are accepted. It exists because the normalize path reads every
// record several times over (skeleton, bodies, guardrail traces), and a slice-backed reader with
// no buffering, name tracking or reflection is several times faster at that than a general one.
//
// The scalar helpers (Text, Int, Float, Bool, Unquote) are lenient in the way provider logs
// need: numbers may come quoted, and a value of an unexpected type reads as absent.
package jsonscan
