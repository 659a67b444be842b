// Package termsafe makes text from outside the program, such as file names, safe to
// print on a terminal: a name holding an escape sequence, a carriage return or a
// right-to-left override must not clear the screen, overwrite the line before it or
// show a different name than the file has.
package termsafe
