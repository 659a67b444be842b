// Package enumtest reads the values of a string enum as they are declared in a
// package's source, so that a test can check that every value has its Chinese label:
// a value added without one fails the test, even if nobody adds it to a list.
//
// It is for tests only.
package enumtest
