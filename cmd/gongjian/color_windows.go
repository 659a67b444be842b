package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableColor turns on the console's handling of ANSI colour codes (Windows 10 and
// later); where that fails, as on older consoles, the codes would print as garbage,
// so there is no colour.
func enableColor(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
