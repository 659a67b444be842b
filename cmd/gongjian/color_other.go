//go:build !windows

package main

import "os"

// enableColor: terminals outside Windows understand ANSI colour codes.
func enableColor(*os.File) bool { return true }
