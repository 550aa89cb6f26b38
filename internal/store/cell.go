package store

// The grid of schema 7: incidents.cell numbers the 10-degree cell of an
// incident's place, as its migration computes it, so that a page of
// incidents in a small box walks the newest-first order of the cells
// the box covers (index incidents_cell_newest) and merges the walks,
// rather than walking that of the whole world and skipping what falls
// outside the box. Ten degrees keeps a country-sized box to four or six
// cells; a box of more than maxCells cells is walked the old way, which
// suits large boxes, where most incidents fall in the box anyway.
const (
	cellDeg  = 10
	cellRows = 180 / cellDeg
	cellCols = 360 / cellDeg
	maxCells = 16
)

// cellOf returns the row and column of the cell of a point, as
// migration 7's expression does: (lat + 90) / 10 and (lon + 180) / 10
// in floating point, clamped to the grid and truncated (they are not
// negative, so truncating is taking the floor).
func cellOf(lat, lon float64) (row, col int) {
	r := min(cellRows-1, max(0, (lat+90)/cellDeg))
	c := min(cellCols-1, max(0, (lon+180)/cellDeg))
	return int(r), int(c)
}

// cells returns the numbers of the cells the box covers, or nil when
// they are more than maxCells.
func (b BBox) cells() []int {
	r0, c0 := cellOf(b.MinLat, b.MinLon)
	r1, c1 := cellOf(b.MaxLat, b.MaxLon)
	var cols []int
	if b.MinLon <= b.MaxLon {
		for c := c0; c <= c1; c++ {
			cols = append(cols, c)
		}
	} else {
		// Across the antimeridian: from c0 east to the last column,
		// then from the first to c1. The two runs cannot overlap: a
		// point east of MinLon is in a column at or after c0's.
		for c := c0; c < cellCols; c++ {
			cols = append(cols, c)
		}
		for c := 0; c <= c1 && c < c0; c++ {
			cols = append(cols, c)
		}
	}
	if (r1-r0+1)*len(cols) > maxCells {
		return nil
	}
	var out []int
	for r := r0; r <= r1; r++ {
		for _, c := range cols {
			out = append(out, r*cellCols+c)
		}
	}
	return out
}
