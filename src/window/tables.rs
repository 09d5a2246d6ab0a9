//! A read-only text table over rows the window keeps in the table's model,
//! changed only by row notifications (so the toolkit keeps the selection
//! and scroll position).

use zt_libui::{ColumnType, Editable, Model, SelectionMode, Table, TableModel, Ui, Value};

use super::model::RowChange;

/// A row the table can show: its text per column.
pub trait Cells: Clone + 'static {
    fn cells(&self) -> &[String];
}

struct Rows<R> {
    columns: usize,
    rows: Vec<R>,
}

impl<R: Cells> TableModel for Rows<R> {
    fn columns(&self) -> Vec<ColumnType> {
        vec![ColumnType::Text; self.columns]
    }

    fn num_rows(&self) -> usize {
        self.rows.len()
    }

    fn cell(&self, row: usize, column: usize) -> Option<Value> {
        Some(Value::Text(self.rows.get(row)?.cells().get(column)?.clone()))
    }
}

pub struct RowsTable<R: Cells> {
    model: Model<Rows<R>>,
    table: Table,
}

impl<R: Cells> RowsTable<R> {
    pub fn new(ui: &Ui, columns: &[&str]) -> Result<RowsTable<R>, zt_libui::Error> {
        let model = Model::new(ui, Rows { columns: columns.len(), rows: Vec::new() });
        let table = Table::new(ui, &model);
        for (i, name) in columns.iter().enumerate() {
            table.append_text_column(name, i, Editable::Never, None)?;
        }
        table.set_selection_mode(SelectionMode::ZeroOrOne);
        Ok(RowsTable { model, table })
    }

    pub fn control(&self) -> &Table {
        &self.table
    }

    /// [`RowsTable::apply`], then `selected` as the selected row: the toolkit
    /// keeps the selection on a row that moved, this says it again in case a
    /// platform does not (and clears it when the row is gone).
    pub fn show(&self, changes: &[RowChange], new: &[R], selected: Option<usize>) -> Result<(), zt_libui::Error> {
        self.apply(changes, new)?;
        if self.selected() != selected {
            self.select(selected)?;
        }
        Ok(())
    }

    /// Turns the shown rows into `new` through `changes` (from `model::diff_rows`),
    /// telling the table of each as it is made.
    pub fn apply(&self, changes: &[RowChange], new: &[R]) -> Result<(), zt_libui::Error> {
        for change in changes {
            // The model is changed, then released, before the table is told (it reads back).
            match *change {
                RowChange::Inserted(i) => {
                    self.model.update(|m| m.rows.insert(i, new[i].clone()))?;
                    self.model.row_inserted(i)?;
                }
                RowChange::Changed(i) => {
                    self.model.update(|m| m.rows[i] = new[i].clone())?;
                    self.model.row_changed(i)?;
                }
                RowChange::Deleted(i) => {
                    self.model.update(|m| m.rows.remove(i))?;
                    self.model.row_deleted(i)?;
                }
            }
        }
        Ok(())
    }

    /// The rows as shown.
    pub fn rows<T>(&self, f: impl FnOnce(&[R]) -> T) -> Option<T> {
        self.model.read(|m| f(&m.rows)).ok()
    }

    /// Selects `row` (or nothing) without calling the selection handler.
    pub fn select(&self, row: Option<usize>) -> Result<(), zt_libui::Error> {
        self.table.set_selection(row.as_slice())
    }

    pub fn selected(&self) -> Option<usize> {
        self.table.selection().first().copied()
    }

    /// Calls `f` with the row the user selected (or `None`).
    pub fn on_selection_changed(&self, f: impl Fn(Option<usize>) + 'static) {
        self.table.on_selection_changed(move |t| f(t.selection().first().copied()));
    }
}

impl Cells for super::model::NetworkRow {
    fn cells(&self) -> &[String] {
        &self.cells
    }
}

impl Cells for super::model::PeerRow {
    fn cells(&self) -> &[String] {
        &self.cells
    }
}
