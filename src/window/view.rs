//! The window's controls.  Everything it shows comes from `model`; what the
//! user does goes back to the controller as a menu [`Action`] (the same
//! paths the tray menu takes) or as a join.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;

use zt_libui::{
    Align, Area, AreaHandler, Brush, Button, Checkbox, Control, DrawContext, DrawParams, Entry, FillMode, Grid, Group,
    Label, LineCap, LineJoin, Path, Placement, Rgba, StrokeParams, Tab, Ui, UiBox, Window,
};

use super::model::{self, LatencyHistory, NetworkRow, PeerRow};
use super::tables::RowsTable;
use crate::discovery::Findings;
use crate::model::{Action, ServiceState};
use crate::saved::Settings;
use crate::service::{Network, NetworkId, Peer, Setting};

/// The latency graph covers this much time.
const HISTORY_MS: u64 = 5 * 60 * 1000;

/// What the window asks of the app.
pub struct Hooks {
    /// A menu action for the selected network or peer (toggle, copy, disconnect, login page).
    pub act: Box<dyn Fn(Action)>,
    /// Sends a join; `Err` when it could not even be sent.
    pub join: Box<dyn Fn(NetworkId) -> Result<(), String>>,
    /// The window closed: its size and tab, to keep for the next time.
    pub closed: Box<dyn Fn(Settings)>,
}

struct NetworksPage {
    networks: Vec<Network>,
    selected: Option<NetworkId>,
    table: RowsTable<NetworkRow>,
    details: Group,
    title: Label,
    allow: Vec<Checkbox>,
    routes: Label,
    dns: Label,
    login: Label,
    login_page: Button,
    join_entry: Entry,
    join_button: Button,
    join_message: Label,
    joining: Option<NetworkId>,
}

struct PeersPage {
    all: Vec<Peer>,
    selected: Option<String>,
    table: RowsTable<PeerRow>,
    filter: Entry,
    paths: Label,
    graph_title: Label,
    graph: Area,
    history: LatencyHistory,
    plot: Rc<RefCell<model::Graph>>,
    started: Instant,
    last_update: std::time::Duration,
}

struct View {
    window: Window,
    tab: Tab,
    settings: Settings,
    networks: NetworksPage,
    peers: PeersPage,
    node: Vec<Label>,
    hooks: Rc<Hooks>,
}

thread_local! {
    static OPEN: RefCell<Option<View>> = const { RefCell::new(None) };
}

pub fn is_open() -> bool {
    OPEN.with(|o| o.borrow().as_ref().is_some_and(|v| v.window.is_alive()))
}

/// Opens the window at the saved size and tab, or brings back the open one.
/// Returns true when it was opened now (the caller then polls faster).
pub fn show(ui: &Ui, settings: Settings, hooks: Hooks) -> Result<bool, zt_libui::Error> {
    if let Some(window) = OPEN.with(|o| o.borrow().as_ref().map(|v| v.window.clone())).filter(|w| w.is_alive()) {
        window.show();
        return Ok(false);
    }
    let (width, height) = settings.window_size;
    let window = Window::new(ui, "ZeroTier", width, height, false);
    let tab = Tab::new(ui);
    let hooks = Rc::new(hooks);
    let (networks_box, networks) = networks_page(ui)?;
    let (peers_box, peers) = peers_page(ui)?;
    let (node_form, node) = facts_grid(ui, &model::NODE_FACTS)?;
    tab.append("Networks", &networks_box)?;
    tab.append("Peers", &peers_box)?;
    tab.append("This node", &node_form)?;
    for page in 0..tab.len() {
        tab.set_margined(page, true)?;
    }
    tab.set_selected(settings.with_window_tab(settings.window_tab).window_tab)?;
    window.set_child(&tab)?;
    connect(&window, &tab, &networks, &peers);
    window.show();
    let view = View { window, tab, settings, networks, peers, node, hooks };
    OPEN.with(|o| *o.borrow_mut() = Some(view));
    Ok(true)
}

/// Names in one column and their values, left-aligned, in the next; the value labels.
fn facts_grid(ui: &Ui, names: &[&str]) -> Result<(Grid, Vec<Label>), zt_libui::Error> {
    let grid = Grid::new(ui);
    grid.set_padded(true);
    let mut values = Vec::new();
    for (row, name) in (0..).zip(names) {
        let start = Placement { halign: Align::Start, ..Placement::default() };
        grid.append(&Label::new(ui, &format!("{name}:")), 0, row, 1, 1, start)?;
        let value = Label::new(ui, "");
        grid.append(&value, 1, row, 1, 1, Placement { hexpand: true, ..start })?;
        values.push(value);
    }
    Ok((grid, values))
}

fn networks_page(ui: &Ui) -> Result<(UiBox, NetworksPage), zt_libui::Error> {
    let column = UiBox::vertical(ui);
    column.set_padded(true);
    let table = RowsTable::new(ui, &model::NETWORK_COLUMNS)?;
    column.append(table.control(), true)?;

    let details = Group::new(ui, "Selected network");
    details.set_margined(true);
    let inner = UiBox::vertical(ui);
    inner.set_padded(true);
    let title = Label::new(ui, "Select a network above.");
    inner.append(&title, false)?;
    // Two by two: four long labels in one row do not fit a narrow window.
    let switches = Grid::new(ui);
    switches.set_padded(true);
    let mut allow = Vec::new();
    for (i, setting) in (0..).zip(Setting::ALL) {
        let check = Checkbox::new(ui, setting.label());
        let place = Placement { hexpand: true, halign: Align::Start, ..Placement::default() };
        switches.append(&check, i % 2, i / 2, 1, 1, place)?;
        allow.push(check);
    }
    inner.append(&switches, false)?;
    let (facts, values) = facts_grid(ui, &["Routes", "DNS", "Login (SSO)"])?;
    let [routes, dns, login] = <[Label; 3]>::try_from(values).map_err(|_| zt_libui::Error::OutOfRange)?;
    inner.append(&facts, false)?;
    let buttons = UiBox::horizontal(ui);
    buttons.set_padded(true);
    let login_page = Button::new(ui, "Open login page");
    let copy_id = Button::new(ui, "Copy ID");
    let copy_addresses = Button::new(ui, "Copy addresses");
    let disconnect = Button::new(ui, "Disconnect");
    for b in [&login_page, &copy_id, &copy_addresses] {
        buttons.append(b, false)?;
    }
    buttons.append(&Label::new(ui, ""), true)?;
    buttons.append(&disconnect, false)?;
    inner.append(&buttons, false)?;
    details.set_child(&inner)?;
    column.append(&details, false)?;

    let join_row = UiBox::horizontal(ui);
    join_row.set_padded(true);
    let join_entry = Entry::new(ui);
    let join_button = Button::new(ui, "Join");
    let join_message = Label::new(ui, "");
    join_row.append(&Label::new(ui, "Join network:"), false)?;
    join_row.append(&join_entry, true)?;
    join_row.append(&join_button, false)?;
    column.append(&join_row, false)?;
    column.append(&join_message, false)?;
    join_button.disable();

    // Buttons act on the selected network as the view knows it at the click.
    let on_selected = |f: fn(&Network) -> Action| {
        move |_: &Button| {
            if let Some(action) = with_selected_network(f) {
                act(action);
            }
        }
    };
    copy_id.on_clicked(on_selected(|n| Action::Copy("Network ID", n.id.to_string())));
    copy_addresses.on_clicked(on_selected(|n| Action::Copy("Addresses", model::network_details(n).addresses)));
    disconnect.on_clicked(on_selected(|n| Action::Disconnect(n.id.clone(), n.name.clone())));
    login_page.on_clicked(move |_| {
        if let Some(Some((_, url))) = with_selected_network(|n| model::network_details(n).login_page) {
            act(Action::OpenUrl(url));
        }
    });
    for (check, setting) in allow.iter().zip(Setting::ALL) {
        check.on_toggled(move |c| allow_toggled(setting, c.checked()));
    }
    join_entry.on_changed(join_typed);
    join_button.on_clicked(|_| try_join());
    join_entry.on_activated(|_| try_join());

    let page = NetworksPage {
        networks: Vec::new(),
        selected: None,
        table,
        details,
        title,
        allow,
        routes,
        dns,
        login,
        login_page,
        join_entry,
        join_button,
        join_message,
        joining: None,
    };
    page.show_details();
    Ok((column, page))
}

fn peers_page(ui: &Ui) -> Result<(UiBox, PeersPage), zt_libui::Error> {
    let column = UiBox::vertical(ui);
    column.set_padded(true);
    let top = UiBox::horizontal(ui);
    top.set_padded(true);
    let filter = Entry::search(ui);
    let copy = Button::new(ui, "Copy address");
    top.append(&Label::new(ui, "Filter by address:"), false)?;
    top.append(&filter, true)?;
    top.append(&copy, false)?;
    column.append(&top, false)?;
    let table = RowsTable::new(ui, &model::PEER_COLUMNS)?;
    column.append(table.control(), true)?;
    let paths = Label::new(ui, "Select a peer to see its paths and latency.");
    column.append(&paths, false)?;
    let graph_title = Label::new(ui, "");
    column.append(&graph_title, false)?;
    let plot = Rc::new(RefCell::new(model::Graph { pieces: Vec::new(), scale_ms: 10 }));
    let graph = Area::new(ui, LatencyPlot { graph: plot.clone() });
    column.append(&graph, true)?;

    filter.on_changed(|_| with_view(|v| v.peers.refilter()));
    copy.on_clicked(|_| {
        if let Some(Some(address)) = OPEN.with(|o| o.borrow().as_ref().map(|v| v.peers.selected.clone())) {
            act(Action::Copy("Peer address", address));
        }
    });
    let page = PeersPage {
        all: Vec::new(),
        selected: None,
        table,
        filter,
        paths,
        graph_title,
        graph,
        history: LatencyHistory::new(HISTORY_MS),
        plot,
        started: Instant::now(),
        last_update: std::time::Duration::ZERO,
    };
    Ok((column, page))
}

/// Selection, resize and tab handlers (they need the view, which exists by the time they run).
fn connect(window: &Window, tab: &Tab, networks: &NetworksPage, peers: &PeersPage) {
    networks.table.on_selection_changed(network_selected);
    peers.table.on_selection_changed(peer_selected);
    tab.on_selected(|t| tab_selected(t.selected().unwrap_or(0)));
    window.on_content_size_changed(|w| {
        let (width, height) = w.content_size();
        with_view(|v| v.settings = v.settings.with_window_size(width, height));
    });
    window.on_closing(|_| {
        close();
        // Already destroyed by close().
        false
    });
}

/// The user selected a row of the Networks table (or none).
fn network_selected(row: Option<usize>) {
    with_view(|v| {
        let id = v.networks.table.rows(|rows| row.and_then(|r| rows.get(r)).map(|r| r.id.clone()));
        v.networks.selected = id.flatten();
        v.networks.show_details();
    })
}

fn peer_selected(row: Option<usize>) {
    with_view(|v| {
        let address = v.peers.table.rows(|rows| row.and_then(|r| rows.get(r)).map(|r| r.address.clone()));
        v.peers.selected = address.flatten();
        v.peers.show_selected();
    })
}

fn tab_selected(tab: usize) {
    with_view(|v| v.settings = v.settings.with_window_tab(tab));
}

/// One of the four allow switches changed: asked of the service; the next
/// state shows what it made of it.
fn allow_toggled(setting: Setting, on: bool) {
    if let Some(id) = with_selected_network(|n| n.id.clone()) {
        act(Action::SetAllow(id, setting, on));
    }
}

/// The join field keeps hex digits only, as the join window does.
fn join_typed(entry: &Entry) {
    let typed = entry.text();
    let kept = crate::join::filter_id(&typed);
    if kept != typed {
        entry.set_text(&kept);
    }
    with_view(|v| v.networks.refresh_join());
}

/// Closes the window (the tray stays) and hands its size and tab to the app.
pub fn close() {
    let Some(view) = OPEN.with(|o| o.borrow_mut().take()) else { return };
    view.window.destroy();
    let (settings, hooks) = (view.settings, view.hooks.clone());
    // The tables' rows and the peers' history go before memory is handed back.
    drop(view);
    (hooks.closed)(settings);
    crate::platform::release_freed_memory();
}

/// Shows a new state (and the peers, when the worker fetched them).
pub fn update(state: &ServiceState, found: &Findings, peers: Option<&[Peer]>) {
    with_view(|v| {
        let (networks, status) = match state {
            ServiceState::Running { status, networks, .. } => (networks.as_slice(), Some(status)),
            _ => (&[][..], None),
        };
        v.networks.update(networks);
        if let Some(peers) = peers {
            v.peers.update(peers);
        } else if status.is_none() {
            v.peers.update(&[]);
        }
        let facts = match status {
            Some(status) => model::node_facts(status, found),
            None => {
                let mut facts = model::node_facts(&Default::default(), found);
                let why = crate::model::tooltip(state);
                for (_, value) in facts.iter_mut().take(6) {
                    *value = why.clone();
                }
                facts
            }
        };
        for (label, (_, value)) in v.node.iter().zip(facts) {
            label.set_text(&value);
        }
    });
}

/// The service answered a join sent from the field.
pub fn answered(id: &NetworkId, outcome: &Result<(), String>) {
    with_view(|v| {
        let n = &mut v.networks;
        if n.joining.as_ref() != Some(id) {
            return;
        }
        n.joining = None;
        match outcome {
            Ok(()) => {
                n.join_entry.set_text("");
                n.join_message.set_text(&format!("Joined {id}."));
            }
            Err(why) => n.join_message.set_text(&format!("Could not join {id}. {why}")),
        }
        n.refresh_join();
    });
}

impl NetworksPage {
    fn update(&mut self, networks: &[Network]) {
        let rows = model::network_rows(networks);
        let changes = self.table.rows(|old| model::diff_networks(old, &rows)).unwrap_or_default();
        self.networks = networks.to_vec();
        let row = model::selected_row(&rows, self.selected.as_ref());
        if let Err(e) = self.table.show(&changes, &rows, row) {
            log::error!("cannot update the networks table: {e}");
        }
        if row.is_none() {
            self.selected = None;
        }
        self.show_details();
    }

    fn show_details(&self) {
        let net = self.selected.as_ref().and_then(|id| self.networks.iter().find(|n| &n.id == id));
        let Some(net) = net else {
            self.details.disable();
            self.title.set_text("Select a network above.");
            for (check, _) in self.allow.iter().zip(Setting::ALL) {
                check.set_checked(false);
            }
            for label in [&self.routes, &self.dns, &self.login] {
                label.set_text("");
            }
            self.login_page.set_text("Open login page");
            return;
        };
        let d = model::network_details(net);
        self.details.enable();
        self.title.set_text(&d.title);
        for (check, (_, on)) in self.allow.iter().zip(d.allow) {
            // set_checked does not call on_toggled: no request goes out for what the service said.
            check.set_checked(on);
        }
        self.routes.set_text(&d.routes);
        self.dns.set_text(&d.dns);
        self.login.set_text(&d.login);
        match &d.login_page {
            Some((text, _)) => {
                self.login_page.set_text(text);
                self.login_page.enable();
            }
            None => {
                self.login_page.set_text("Open login page");
                self.login_page.disable();
            }
        }
    }

    fn refresh_join(&self) {
        self.join_button.set_enabled(self.joining.is_none() && NetworkId::parse(&self.join_entry.text()).is_ok());
    }
}

impl PeersPage {
    fn update(&mut self, peers: &[Peer]) {
        let started = Instant::now();
        self.history.record(self.now_ms(), peers);
        self.all = peers.to_vec();
        self.refilter();
        self.last_update = started.elapsed();
    }

    fn refilter(&mut self) {
        let rows = model::peer_rows(&self.all, &self.filter.text());
        let changes = self.table.rows(|old| model::diff_peers(old, &rows)).unwrap_or_default();
        let row = self.selected.as_ref().and_then(|a| rows.binary_search_by(|r| r.address.cmp(a)).ok());
        if let Err(e) = self.table.show(&changes, &rows, row) {
            log::error!("cannot update the peers table: {e}");
        }
        if row.is_none() {
            self.selected = None;
        }
        self.show_selected();
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn show_selected(&self) {
        let peer = self.selected.as_ref().and_then(|a| self.all.iter().find(|p| &p.address == a));
        let Some(peer) = peer else {
            self.paths.set_text("Select a peer to see its paths and latency.");
            self.graph_title.set_text("");
            *self.plot.borrow_mut() = model::Graph { pieces: Vec::new(), scale_ms: 10 };
            self.graph.queue_redraw_all();
            return;
        };
        let wall_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        let lines = model::path_lines(peer, wall_ms);
        self.paths.set_text(&if lines.is_empty() { "No paths (relayed).".to_string() } else { lines.join("\n") });
        let series = self.history.series(&peer.address);
        // The graph's own size is known only while drawing: plot in a unit square, scaled there.
        let plot = model::latency_graph(&series, self.now_ms(), HISTORY_MS, 1.0, 1.0);
        self.graph_title.set_text(&format!(
            "Latency of {} over the last {} minutes (top: {} ms)",
            peer.address,
            HISTORY_MS / 60_000,
            plot.scale_ms
        ));
        *self.plot.borrow_mut() = plot;
        self.graph.queue_redraw_all();
    }
}

/// Draws the plotted latency (kept in a unit square) at the area's size.
struct LatencyPlot {
    graph: Rc<RefCell<model::Graph>>,
}

impl AreaHandler for LatencyPlot {
    fn draw(&mut self, _area: &Area, ctx: &mut DrawContext<'_>, params: &DrawParams) {
        let (w, h) = (params.area_width.max(1.0), params.area_height.max(1.0));
        let mut back = Path::new(FillMode::Winding);
        back.add_rectangle(0.0, 0.0, w, h);
        ctx.fill(&back, &Brush::Solid(Rgba { r: 1.0, g: 1.0, b: 1.0, a: 1.0 }));
        let grey = Brush::Solid(Rgba { r: 0.75, g: 0.75, b: 0.75, a: 1.0 });
        let thin = StrokeParams { thickness: 1.0, ..StrokeParams::default() };
        let mut grid = Path::new(FillMode::Winding);
        for quarter in 1..4 {
            let y = (h * f64::from(quarter) / 4.0).round() + 0.5;
            grid.new_figure(0.0, y).line_to(w, y);
        }
        ctx.stroke(&grid, &grey, &thin);
        ctx.stroke(&back, &grey, &thin);
        let line =
            StrokeParams { thickness: 2.0, cap: LineCap::Round, join: LineJoin::Round, ..StrokeParams::default() };
        let blue = Brush::Solid(Rgba { r: 0.1, g: 0.35, b: 0.8, a: 1.0 });
        for piece in &self.graph.borrow().pieces {
            let Some(&(x0, y0)) = piece.first() else { continue };
            let mut path = Path::new(FillMode::Winding);
            path.new_figure(x0 * w, y0 * h);
            if piece.len() == 1 {
                // A lone sample is a dot-sized dash, still visible.
                path.line_to(x0 * w + 2.0, y0 * h);
            }
            for &(x, y) in &piece[1..] {
                path.line_to(x * w, y * h);
            }
            ctx.stroke(&path, &blue, &line);
        }
    }
}

/// Runs `f` on the open view.  A handler the toolkit calls while the view is
/// being updated (a table telling of a selection the update moved) finds it
/// busy and is skipped: the update sets the selection itself.
fn with_view(f: impl FnOnce(&mut View)) {
    OPEN.with(|o| {
        if let Ok(mut o) = o.try_borrow_mut() {
            if let Some(v) = o.as_mut() {
                f(v)
            }
        }
    });
}

/// Reads the selected network, without holding the view while the app acts.
fn with_selected_network<R>(f: impl FnOnce(&Network) -> R) -> Option<R> {
    OPEN.with(|o| {
        let o = o.borrow();
        let page = &o.as_ref()?.networks;
        page.selected.as_ref().and_then(|id| page.networks.iter().find(|n| &n.id == id)).map(f)
    })
}

/// Runs an action through the app (outside the view's borrow: it may reach the view again).
fn act(action: Action) {
    if let Some(hooks) = OPEN.with(|o| o.borrow().as_ref().map(|v| v.hooks.clone())) {
        (hooks.act)(action);
    }
}

fn try_join() {
    let Some((text, hooks)) = OPEN.with(|o| {
        let o = o.borrow();
        let v = o.as_ref().filter(|v| v.networks.joining.is_none())?;
        Some((v.networks.join_entry.text(), v.hooks.clone()))
    }) else {
        return;
    };
    let Ok(id) = NetworkId::parse(&text) else { return };
    let outcome = (hooks.join)(id.clone());
    with_view(|v| {
        let n = &mut v.networks;
        match outcome {
            Ok(()) => {
                n.join_message.set_text(&format!("Joining {id}…"));
                n.joining = Some(id);
            }
            Err(why) => n.join_message.set_text(&why),
        }
        n.refresh_join();
    });
}

/// What tests read back and do, through the same functions the controls'
/// handlers call (the tables' selection is set in the toolkit and read back
/// from it).
pub mod probe {
    use super::*;

    /// The window as shown.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Snapshot {
        pub tab: Option<usize>,
        pub networks: Vec<Vec<String>>,
        pub network_selected: Option<usize>,
        pub details: String,
        pub allow: Vec<bool>,
        pub login_button: (String, bool),
        pub join_text: String,
        pub join_enabled: bool,
        pub join_message: String,
        pub peers: Vec<Vec<String>>,
        pub peer_selected: Option<usize>,
        pub paths: String,
        pub graph_title: String,
        pub node: Vec<(String, String)>,
        /// How long the last peers update (rows, notifications, selection) took.
        pub last_peers_update: std::time::Duration,
    }

    fn cells<R: super::super::tables::Cells>(table: &RowsTable<R>) -> Vec<Vec<String>> {
        table.rows(|rows| rows.iter().map(|r| r.cells().to_vec()).collect()).unwrap_or_default()
    }

    pub fn snapshot() -> Option<Snapshot> {
        OPEN.with(|o| {
            let o = o.borrow();
            let v = o.as_ref()?;
            let (n, p) = (&v.networks, &v.peers);
            Some(Snapshot {
                tab: v.tab.selected(),
                networks: cells(&n.table),
                network_selected: n.table.selected(),
                details: n.title.text(),
                allow: n.allow.iter().map(Checkbox::checked).collect(),
                login_button: (n.login_page.text(), n.login_page.is_enabled()),
                join_text: n.join_entry.text(),
                join_enabled: n.join_button.is_enabled(),
                join_message: n.join_message.text(),
                peers: cells(&p.table),
                peer_selected: p.table.selected(),
                paths: p.paths.text(),
                graph_title: p.graph_title.text(),
                node: model::NODE_FACTS.iter().map(|l| l.to_string()).zip(v.node.iter().map(Label::text)).collect(),
                last_peers_update: p.last_update,
            })
        })
    }

    fn table_select(network: bool, row: Option<usize>) {
        let done = OPEN.with(|o| {
            let o = o.borrow();
            let v = o.as_ref()?;
            match network {
                true => v.networks.table.select(row).ok(),
                false => v.peers.table.select(row).ok(),
            }
        });
        if done.is_some() {
            if network {
                network_selected(row)
            } else {
                peer_selected(row)
            }
        }
    }

    /// Selects a row of the Networks table as a click does.
    pub fn select_network(row: Option<usize>) {
        table_select(true, row)
    }

    pub fn select_peer(row: Option<usize>) {
        table_select(false, row)
    }

    /// Clicks one of the four allow switches of the selected network.
    pub fn toggle(setting: usize) {
        let Some((check, setting)) = OPEN.with(|o| {
            let o = o.borrow();
            let v = o.as_ref()?;
            Some((v.networks.allow.get(setting)?.clone(), *Setting::ALL.get(setting)?))
        }) else {
            return;
        };
        check.set_checked(!check.checked());
        allow_toggled(setting, check.checked());
    }

    /// Types `text` into the join field, then presses Join when it is enabled.
    pub fn type_join(text: &str, press: bool) {
        let Some((entry, button)) = OPEN.with(|o| {
            let o = o.borrow();
            o.as_ref().map(|v| (v.networks.join_entry.clone(), v.networks.join_button.clone()))
        }) else {
            return;
        };
        entry.set_text(text);
        join_typed(&entry);
        if press && button.is_enabled() {
            try_join();
        }
    }

    pub fn set_filter(text: &str) {
        let Some(filter) = OPEN.with(|o| o.borrow().as_ref().map(|v| v.peers.filter.clone())) else { return };
        filter.set_text(text);
        with_view(|v| v.peers.refilter());
    }

    /// Closes the window as its close box does.
    pub fn close() {
        super::close()
    }

    pub fn select_tab(tab: usize) {
        let Some(t) = OPEN.with(|o| o.borrow().as_ref().map(|v| v.tab.clone())) else { return };
        if t.set_selected(tab).is_ok() {
            tab_selected(tab);
        }
    }
}
