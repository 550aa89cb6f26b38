package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"sitrep/internal/ingest"
)

// progressBar draws an ingest's progress on one terminal line, redrawn at
// most ten times a second: a bar once the total is known, the count, the
// rate and the time left.
type progressBar struct {
	w     io.Writer
	start time.Time
	last  time.Time
	drawn bool
}

// newProgressBar returns a bar on f when f is a terminal, else nil.
func newProgressBar(w io.Writer) *progressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &progressBar{w: w, start: time.Now()}
}

// update redraws the line for p, unless it was drawn less than 100 ms ago.
func (b *progressBar) update(p ingest.Progress) {
	now := time.Now()
	if b.drawn && now.Sub(b.last) < 100*time.Millisecond && !(p.Walked && p.Done == p.Found) {
		return
	}
	b.last, b.drawn = now, true
	fmt.Fprintf(b.w, "\r%s\x1b[K", renderProgress(p, now.Sub(b.start)))
}

// finish clears the line, so that the summary stands alone.
func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\x1b[K")
	}
}

// renderProgress is the text of the line: "[=====>    ] 120/400  30%
// 45.2 reports/s  ETA 0:06", or, while inputs are still being found,
// "120 done, 150 found  45.2 reports/s".
func renderProgress(p ingest.Progress, elapsed time.Duration) string {
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(p.Done) / s
	}
	if !p.Walked || p.Found == 0 {
		return fmt.Sprintf("%d done, %d found  %.1f reports/s", p.Done, p.Found, rate)
	}
	const width = 30
	filled := width * p.Done / p.Found
	bar := strings.Repeat("=", filled)
	if filled < width {
		bar += ">" + strings.Repeat(" ", width-filled-1)
	}
	eta := "--:--"
	if rate > 0 {
		left := time.Duration(float64(p.Found-p.Done) / rate * float64(time.Second)).Round(time.Second)
		eta = fmt.Sprintf("%d:%02d", int(left.Minutes()), int(left.Seconds())%60)
	}
	return fmt.Sprintf("[%s] %d/%d %3d%%  %.1f reports/s  ETA %s", bar, p.Done, p.Found, 100*p.Done/p.Found, rate, eta)
}
