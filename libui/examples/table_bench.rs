//! Shows a table over ROWS computed rows, scrolls it to the last row and prints how long that took
//! and how much resident memory it added:
//!
//! ```text
//! table_bench ROWS
//! rows 1000000 ms 412.5 rss_kib 48120 added_kib 3312
//! ```
//!
//! `cargo xtask bench-table` runs it for 1,000 and 1,000,000 rows on GTK and as Win32 under Wine.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use zt_libui::{ColumnType, Control, Editable, Model, Table, TableModel, Ui, Value, Window};

/// Rows made up from their number; the highest row the table asked for is noted.
struct Numbers {
    rows: usize,
    highest: Rc<Cell<usize>>,
}

impl TableModel for Numbers {
    fn columns(&self) -> Vec<ColumnType> {
        vec![ColumnType::Text, ColumnType::Int]
    }
    fn num_rows(&self) -> usize {
        self.rows
    }
    fn cell(&self, row: usize, column: usize) -> Option<Value> {
        self.highest.set(self.highest.get().max(row + 1));
        Some(match column {
            0 => Value::Text(format!("row {row}")),
            _ => Value::Int((row % 101) as i32),
        })
    }
}

fn main() -> std::process::ExitCode {
    let Some(rows) = std::env::args().nth(1).and_then(|a| a.parse::<usize>().ok()).filter(|&n| n > 0) else {
        eprintln!("usage: table_bench ROWS   (ROWS above 0)");
        return std::process::ExitCode::from(2);
    };
    let ui = match Ui::init() {
        Ok(ui) => ui,
        Err(e) => {
            eprintln!("table_bench: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let before = rss_kib();
    let start = Instant::now();
    let highest = Rc::new(Cell::new(0));
    let model = Model::new(&ui, Numbers { rows, highest: highest.clone() });
    let table = Table::new(&ui, &model);
    let columns = table
        .append_text_column("Name", 0, Editable::Never, None)
        .and_then(|()| table.append_progress_column("Progress", 1));
    let window = Window::new(&ui, "table bench", 640, 480, false);
    if let Err(e) = columns.and_then(|()| window.set_child(&table)) {
        eprintln!("table_bench: {e}");
        return std::process::ExitCode::FAILURE;
    }
    window.show();
    let drawn = pump_until(&ui, || highest.get() > 0);
    native::scroll_to(table.native_handle(), rows - 1);
    let at_end = drawn && pump_until(&ui, || highest.get() == rows);
    let elapsed = start.elapsed();
    let after = rss_kib();
    window.destroy();
    if !at_end {
        eprintln!("table_bench: the last row was never asked for (highest {})", highest.get());
        return std::process::ExitCode::FAILURE;
    }
    println!(
        "rows {rows} ms {:.1} rss_kib {after} added_kib {}",
        elapsed.as_secs_f64() * 1000.0,
        after.saturating_sub(before)
    );
    std::process::ExitCode::SUCCESS
}

/// Runs the loop until `done`, for at most 30 s.
fn pump_until(ui: &Ui, done: impl Fn() -> bool) -> bool {
    let end = Instant::now() + Duration::from_secs(30);
    while !done() && Instant::now() < end {
        ui.step(false);
        std::thread::sleep(Duration::from_millis(1));
    }
    done()
}

#[cfg(not(windows))]
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap_or("");
    line.split_whitespace().nth(1).and_then(|n| n.parse().ok()).unwrap_or(0)
}

#[cfg(windows)]
fn rss_kib() -> u64 {
    /// PROCESS_MEMORY_COUNTERS.
    #[repr(C)]
    #[derive(Default)]
    struct Counters {
        cb: u32,
        page_faults: u32,
        peak_working_set: usize,
        working_set: usize,
        rest: [usize; 6],
    }
    #[link(name = "kernel32")]
    extern "system" {
        fn GetCurrentProcess() -> isize;
        fn K32GetProcessMemoryInfo(process: isize, counters: *mut Counters, cb: u32) -> i32;
    }
    let mut c = Counters { cb: std::mem::size_of::<Counters>() as u32, ..Default::default() };
    // SAFETY: the pseudo handle of this process and a counters struct of the size given.
    let ok = unsafe { K32GetProcessMemoryInfo(GetCurrentProcess(), &mut c, c.cb) } != 0;
    if ok {
        c.working_set as u64 / 1024
    } else {
        0
    }
}

#[cfg(not(windows))]
mod native {
    use std::ffi::{c_char, c_int, CString};

    extern "C" {
        fn gtk_bin_get_child(b: usize) -> usize;
        fn gtk_tree_path_new_from_string(s: *const c_char) -> usize;
        fn gtk_tree_path_free(p: usize);
        fn gtk_tree_view_scroll_to_cell(tv: usize, p: usize, c: usize, align: c_int, ra: f32, ca: f32);
    }

    /// Scrolls the table (a scrolled window around the tree view) so `row` shows.
    pub fn scroll_to(handle: usize, row: usize) {
        let text = CString::new(row.to_string()).expect("digits");
        // SAFETY: a live table's handle; the path is freed after use.
        unsafe {
            let path = gtk_tree_path_new_from_string(text.as_ptr());
            gtk_tree_view_scroll_to_cell(gtk_bin_get_child(handle), path, 0, 0, 0.0, 0.0);
            gtk_tree_path_free(path);
        }
    }
}

#[cfg(windows)]
mod native {
    #[link(name = "user32")]
    extern "system" {
        fn SendMessageW(h: usize, msg: u32, w: usize, l: isize) -> isize;
    }

    const LVM_ENSUREVISIBLE: u32 = 0x1013;

    /// Scrolls the table (an owner-data ListView) so `row` shows.
    pub fn scroll_to(handle: usize, row: usize) {
        // SAFETY: a live ListView.
        unsafe { SendMessageW(handle, LVM_ENSUREVISIBLE, row, 0) };
    }
}
