package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/width"

	"gongjian/internal/termsafe"
)

// progress draws one line on stderr while a run works through its files:
//
//	检查台账 12/200 [=>                  ] 礼义镇开复工台账.xlsx
//
// Only when stderr is a terminal (never into a log, a pipe or a test), only once the
// run has lasted a moment (more than a second, or a fifth of one with more than three
// files), and always cleared before anything else is written to the terminal, so
// that messages and tables never share a line with it.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	enabled bool
	now     func() time.Time
	start   time.Time

	label       string
	total, done int
	current     string    // the file finished last
	shown       int       // display width of the line on screen; 0 when nothing is drawn
	drawn       time.Time // when the line was last drawn

	stop chan struct{}
	wg   sync.WaitGroup
}

// The line is kept within the 80 columns of a default console.
const progressWidth = 78

// newProgress starts the bar; enabled is false when stderr is not a terminal, and
// then nothing is ever drawn. When ctx is cancelled (an interrupt) the bar is cleared
// for good, so the line saying so starts on a clean line.
func newProgress(ctx context.Context, w io.Writer, enabled bool) *progress {
	p := &progress{w: w, enabled: enabled, now: time.Now}
	p.start = p.now()
	if enabled {
		p.stop = make(chan struct{})
		p.wg.Add(1)
		go p.run(ctx)
	}
	return p
}

// run redraws the line a few times a second, so a slow file still shows the run is
// alive.
func (p *progress) run(ctx context.Context) {
	defer p.wg.Done()
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-ctx.Done():
			p.mu.Lock()
			p.clear()
			p.enabled = false
			p.mu.Unlock()
			return
		case <-t.C:
			p.mu.Lock()
			p.draw()
			p.mu.Unlock()
		}
	}
}

// phase starts counting a new stage of the run ("检查台账", "写出检查结果").
func (p *progress) phase(label string, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.label, p.total, p.done, p.current = label, total, 0, ""
	p.draw()
}

// step counts one file of the stage as finished. The line is redrawn at most ten
// times a second (and by the ticker), not for each of a thousand small files.
func (p *progress) step(file string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	p.current = termsafe.Name(file)
	if p.done == p.total || p.now().Sub(p.drawn) >= 100*time.Millisecond {
		p.draw()
	}
}

// println writes one line to the terminal below the bar's place and redraws it.
func (p *progress) println(line string) {
	p.do(func() { fmt.Fprintln(p.w, line) })
}

// do runs fn, which writes to the terminal (stderr, or stdout when it is the same
// screen), with the bar cleared.
func (p *progress) do(fn func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fn()
	p.draw()
}

// finish stops the bar and clears it; the summary comes after. Calling it again
// does nothing.
func (p *progress) finish() {
	if p.stop != nil {
		close(p.stop)
		p.wg.Wait()
		p.stop = nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	p.enabled = false
}

// due reports whether the run has lasted long enough for a bar.
func (p *progress) due() bool {
	elapsed := p.now().Sub(p.start)
	return elapsed >= time.Second || p.total > 3 && elapsed >= 200*time.Millisecond
}

func (p *progress) draw() {
	if !p.enabled || p.total == 0 || !p.due() {
		return
	}
	const barCells = 20
	filled := barCells * p.done / p.total
	bar := strings.Repeat("=", filled)
	if filled < barCells {
		bar += ">" + strings.Repeat(" ", barCells-filled-1)
	}
	line := fmt.Sprintf("%s %d/%d [%s] ", p.label, p.done, p.total, bar)
	line += fitWidth(p.current, progressWidth-screenWidth(line))
	w := screenWidth(line)
	pad := ""
	if p.shown > w {
		pad = strings.Repeat(" ", p.shown-w)
	}
	io.WriteString(p.w, "\r"+line+pad)
	p.shown = max(w, p.shown)
	p.drawn = p.now()
}

// clear blanks the line (spaces, not an escape code: old Windows consoles print
// those) and puts the cursor back at its start.
func (p *progress) clear() {
	if p.shown == 0 {
		return
	}
	io.WriteString(p.w, "\r"+strings.Repeat(" ", p.shown)+"\r")
	p.shown = 0
}

// screenWidth is the number of terminal columns s takes: two for Chinese characters
// and full-width forms, and two for "ambiguous" ones too (· “ ─), which Chinese
// terminals draw wide; a bar a column short is better than one that wraps.
func screenWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
		return 2
	}
	return 1
}

// fitWidth shortens s to at most n columns, keeping its end (a file's name is at the
// end of its path) behind "…".
func fitWidth(s string, n int) string {
	if screenWidth(s) <= n {
		return s
	}
	if n < 3 {
		return ""
	}
	r := []rune(s)
	w := 2 // "…" is ambiguous: counted as two
	i := len(r)
	for i > 0 && w+runeWidth(r[i-1]) <= n {
		i--
		w += runeWidth(r[i])
	}
	return "…" + string(r[i:])
}
