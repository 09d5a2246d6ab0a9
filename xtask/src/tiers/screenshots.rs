//! Pictures of the tray menu and of the C control gallery (fixtures/c-gallery, its controls and its table page),
//! on Linux and under Wine, in artifacts/*.png. xtask/scripts/screenshots.sh
//! takes each one on its own virtual display; this tier builds the programs,
//! prepares the Wine prefix and checks every picture has content (a blank or
//! one-colour capture means nothing was drawn).

use super::downstream::gallery_exe;
use crate::toolchain::{stop_wine, wine_prefix, WINE_TARGET};
use crate::util::{self, cargo, cmd, output, run};

/// (kind for the script, Windows build, picture): the tray example, then the C gallery's two pages.
const SHOTS: &[(&str, bool, &str)] = &[
    ("tray-linux", false, "tray-linux.png"),
    ("tray-linux-xembed", false, "tray-linux-xembed.png"),
    ("tray-wine", true, "tray-wine.png"),
    ("libui-linux", false, "libui-linux.png"),
    ("libui-wine", true, "libui-wine.png"),
    ("table-linux", false, "table-linux.png"),
    ("table-wine", true, "table-wine.png"),
];

pub fn screenshots() -> Result<(), String> {
    let prefix = wine_prefix()?;
    let target = util::root().join("target");
    for windows in [false, true] {
        let mut build = cargo();
        build.args(["build", "-p", "zt-tray-sys", "--example", "tray_minimal"]);
        if windows {
            build.args(["--target", WINE_TARGET]);
        }
        run(&mut build)?;
    }
    let artifacts = util::root().join("artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| format!("cannot create {}: {e}", artifacts.display()))?;
    for (kind, windows, picture) in SHOTS {
        let exe = if kind.starts_with("libui") || kind.starts_with("table") {
            gallery_exe(*windows)?
        } else if *windows {
            target.join(WINE_TARGET).join("debug/examples/tray_minimal.exe")
        } else {
            target.join("debug/examples/tray_minimal")
        };
        let path = artifacts.join(picture);
        let _ = std::fs::remove_file(&path);
        let mut shot = cmd("sh", ["xtask/scripts/screenshots.sh", kind]);
        shot.arg(&exe).arg(&path).env("WINEPREFIX", &prefix).env("WINEDEBUG", "-all");
        run(&mut shot)?;
        check_picture(&path)?;
    }
    stop_wine();
    app_pictures(&artifacts)
}

/// The app's menu (opened in xfce4-panel, filled by the service double), its
/// Join and About windows: taken by the app's end-to-end tests when
/// `ZTUI_SCREENSHOTS` names a folder.
fn app_pictures(artifacts: &std::path::Path) -> Result<(), String> {
    let mut test = cargo();
    test.args(["test", "-p", "zerotier_desktop_ui", "--test", "tray_menu"]).env("ZTUI_SCREENSHOTS", artifacts);
    run(&mut crate::toolchain::under_display(&mut test))?;
    for picture in ["menu-linux.png", "join-linux.png", "about-linux.png"] {
        check_picture(&artifacts.join(picture))?;
    }
    window_pictures(artifacts)
}

/// The window's three tabs, taken by tests/app_window.rs against the service
/// double: on GTK by the test itself, under Wine (in a virtual desktop, so
/// Wine draws the frame) by the script when the test says the window is ready.
fn window_pictures(artifacts: &std::path::Path) -> Result<(), String> {
    let tabs = ["networks", "peers", "node"];
    let mut test = cargo();
    test.args(["test", "-p", "zerotier_desktop_ui", "--test", "app_window"]).env("ZTUI_SCREENSHOTS", artifacts);
    run(&mut crate::toolchain::under_display(&mut test))?;
    let mut build = cargo();
    build.args(["test", "--no-run", "--message-format=json", "-p", "zerotier_desktop_ui", "--test", "app_window"]);
    build.args(["--target", WINE_TARGET]);
    let out = output(&mut build)?;
    let exe = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("\"name\":\"app_window\""))
        .find_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            v.get("executable")?.as_str().map(std::path::PathBuf::from)
        })
        .ok_or("cargo named no app_window test executable for Windows")?;
    for tab in tabs {
        let _ = std::fs::remove_file(artifacts.join(format!("window-{tab}-wine.png")));
    }
    let mut shot = cmd("sh", ["xtask/scripts/screenshots.sh", "window-wine"]);
    shot.arg(&exe).arg(artifacts).env("WINEPREFIX", wine_prefix()?).env("WINEDEBUG", "-all");
    run(&mut shot)?;
    stop_wine();
    let log = std::fs::read_to_string(artifacts.join("window-wine.log")).unwrap_or_default();
    if !log.contains("app_window: ok") {
        return Err(format!("the window test failed under Wine while taking pictures:\n{log}"));
    }
    for platform in ["linux", "wine"] {
        for tab in tabs {
            check_picture(&artifacts.join(format!("window-{tab}-{platform}.png")))?;
        }
    }
    Ok(())
}

/// A blank or one-colour capture means nothing was drawn.
fn check_picture(path: &std::path::Path) -> Result<(), String> {
    let out = output(cmd("identify", ["-format", "%w %h %k"]).arg(path))?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let colours: u32 = text.split_whitespace().nth(2).and_then(|k| k.parse().ok()).unwrap_or(0);
    if colours < 16 {
        return Err(format!("{} looks empty ({text}: width, height, colours)", path.display()));
    }
    println!("{}: {text} (width, height, colours)", path.display());
    Ok(())
}
