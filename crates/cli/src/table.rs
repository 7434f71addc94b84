//! A plain text table for the terminal: aligned columns, long cells cut with an ellipsis.

/// The widest a cell may be, in characters.
const MAX_CELL_CHARS: usize = 36;

/// Rows of cells under a header.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column names.
    pub fn new(header: &[&str]) -> Table {
        Table { header: header.iter().map(|name| (*name).to_owned()).collect(), rows: Vec::new() }
    }

    /// Adds a row (missing cells are blank, extra cells are dropped).
    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// The table as lines of text, each ending in a newline.
    pub fn render(&self) -> String {
        let cells: Vec<Vec<String>> = std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|row| (0..self.header.len()).map(|i| cut(row.get(i).map_or("", |c| c))).collect())
            .collect();
        let widths: Vec<usize> = (0..self.header.len())
            .map(|i| {
                cells
                    .iter()
                    .map(|row| row.get(i).map_or(0, |c| c.chars().count()))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in &cells {
            let line: Vec<String> =
                row.iter().zip(&widths).map(|(cell, width)| format!("{cell:<width$}")).collect();
            out.push_str(line.join("  ").trim_end());
            out.push('\n');
        }
        out
    }
}

/// The cell on one line, cut to [`MAX_CELL_CHARS`] characters.
fn cut(cell: &str) -> String {
    let cell = cell.split_whitespace().collect::<Vec<_>>().join(" ");
    if cell.chars().count() <= MAX_CELL_CHARS {
        return cell;
    }
    let mut cut: String = cell.chars().take(MAX_CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &[&str], rows: &[&[&str]], expected: &str) {
        let mut table = Table::new(header);
        for row in rows {
            table.push(row.iter().map(|cell| (*cell).to_owned()).collect());
        }
        assert_eq!(table.render(), expected);
    }

    #[test]
    fn columns_align() {
        check(
            &["ID", "TYPE"],
            &[&["TGO1", "Armed clash"], &["BFA12", "Attack"]],
            "ID     TYPE\nTGO1   Armed clash\nBFA12  Attack\n",
        );
    }

    #[test]
    fn long_and_multiline_cells_are_cut() {
        let long = "é".repeat(50);
        let mut table = Table::new(&["A"]);
        table.push(vec![long]);
        let rendered = table.render();
        let last = rendered.lines().last().unwrap_or_default();
        assert_eq!(last.chars().count(), MAX_CELL_CHARS);
        assert!(last.ends_with('…'));
        check(&["A", "B"], &[&["x\ny"]], "A    B\nx y\n");
    }
}
