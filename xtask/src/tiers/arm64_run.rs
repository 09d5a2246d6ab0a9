//! The `arm64-run` tier: the aarch64-pc-windows-gnullvm builds really run.
//!
//! There is no ARM64 Windows here, but Debian's arm64 Wine runs ARM64 PE
//! code natively inside an arm64 Debian root filesystem whose ELF binaries
//! qemu-user-static emulates through binfmt_misc.  The root (with a Wine
//! prefix) is made once and cached outside the checkout; programs run in
//! their own mount, PID and network namespaces, chrooted, with a hard timeout
//! each, through a runner script cargo calls for the target (one Wine session
//! per cargo call, see `write_runner`).

use super::downstream::FIXTURES;
use crate::toolchain::{arm64_env, under_display, ARM64_TARGET, WINE_UNMANAGED_REG};
use crate::util::{self, cargo, cargo_target_var, cmd, run, timed, triple_var};
use std::path::{Path, PathBuf};
use std::process::Command;

const SUITE: &str = "bookworm";

/// What goes into the root: Wine and the X client libraries and fonts it
/// loads for windows, and Mesa's software OpenGL, through which Wine's
/// Direct2D draws (without it uiArea could only be tested through GDI+).
/// The X server is the host's Xvfb (native, fast).
const ROOT_PACKAGES: &[&str] = &[
    "fonts-dejavu-core",
    "fonts-wine",
    "libgl1",
    "libgl1-mesa-dri",
    "libglx-mesa0",
    "libxcomposite1",
    "libxcursor1",
    "libxext6",
    "libxfixes3",
    "libxi6",
    "libxinerama1",
    "libxrandr2",
    "libxrender1",
    "libxxf86vm1",
    "wine",
    "wine64",
    "xauth",
];

/// The Wine prefix, as a path inside the root.
const PREFIX: &str = "opt/xtask-wine";

/// Hard limit for one program (a whole test binary) under emulation.
const RUN_TIMEOUT_SECS: u32 = 600;

/// The prepared environment: the cached root and the runner script.
pub(crate) struct Arm64Wine {
    pub(crate) root: PathBuf,
    pub(crate) runner: PathBuf,
}

/// Makes (or reuses) the root, its Wine prefix and the runner.  `None` when
/// this machine cannot run ARM64 code and that is not a failure (it says why).
pub(crate) fn prepare(tier: &str) -> Result<Option<Arm64Wine>, String> {
    if let Err(why) = usable() {
        return unavailable(tier, &why).map(|()| None);
    }
    let (root, secs) = timed(prepared_root);
    let root = root?;
    println!("arm64 root: {} ({secs:.0} s)", root.display());
    let runner = write_runner(&root)?;
    let (prefix, secs) = timed(|| prepare_prefix(&root, &runner));
    prefix?;
    println!("arm64 Wine prefix ready ({secs:.0} s)");
    Ok(Some(Arm64Wine { root, runner }))
}

/// libui-sys's real-input GUI cases start xdotool inside the Windows program's file system,
/// which for the ARM64 runs is the arm64 root (no xdotool there); the `wine` tier runs them.
pub(crate) const INPUT_CASES: &str = "input_";
pub(crate) const NO_XDOTOOL: &str = "the arm64 root has no xdotool; the wine tier drives real input";

/// The C libraries' GUI cases (libui-sys's and tray-sys's runners) run once
/// per platform: Windows on ARM64 is one, built by two toolchains, so
/// arm64-run takes every other case and msvc-run the rest (`GUI_SHARD`, see
/// the runner).  Both tiers build every case.
pub(crate) const ARM64_GUI_SHARDS: [&str; 2] = ["1/2", "2/2"];

/// Cases both ARM64 tiers skip, by name, with the reason each prints.
pub(crate) const ARM64_SKIPPED: &[(&str, &str)] = &[
    (INPUT_CASES, NO_XDOTOOL),
    (
        "area_draws_and_its_panics_come_back",
        "under arm64 Wine its Rust Draw handler is entered with the TEB register x18 clobbered (WINEDEBUG=+seh: \
         access violation at 0x4330 with x18=0x42d8, swallowed by KiUserCallbackDispatcher), so its first \
         thread-local access faults; the app installs its x18 repair at start-up, this test program does not; \
         GTK and the wine tier run it",
    ),
];

pub(crate) fn arm64_run() -> Result<(), String> {
    let Some(Arm64Wine { runner, .. }) = prepare("arm64-run")? else { return Ok(()) };
    let mut test = cargo();
    // Doctests are built outside the checkout, which the runner does not mount; the host runs them.
    test.args([
        "test",
        "--workspace",
        "--exclude",
        "xtask",
        "--lib",
        "--bins",
        "--tests",
        "--no-fail-fast",
        "--target",
        ARM64_TARGET,
    ]);
    target_env(&mut test, &runner)?;
    test.env("GUI_SHARD", ARM64_GUI_SHARDS[0]);
    test.arg("--");
    for (name, why) in ARM64_SKIPPED {
        println!("arm64-run: skipping test {name}: {why}");
        test.args(["--skip", name]);
    }
    run(&mut under_display(&mut in_session(&runner, &mut test)))?;
    for fixture in FIXTURES {
        let mut fixture_run = cargo();
        fixture_run.current_dir(util::root().join("fixtures").join(fixture));
        fixture_run.args(["run", "--quiet", "--target", ARM64_TARGET]);
        target_env(&mut fixture_run, &runner)?;
        run(&mut under_display(&mut in_session(&runner, &mut fixture_run)))?;
    }
    let mut app = cargo();
    app.args(["run", "-p", "zerotier_desktop_ui", "--target", ARM64_TARGET, "--", "--exit-after-init"]);
    target_env(&mut app, &runner)?;
    run(&mut under_display(&mut in_session(&runner, &mut app)))
}

/// Why this machine cannot run the tier, if it cannot.  Mounts binfmt_misc
/// and enables qemu-aarch64 when they are only switched off.
fn usable() -> Result<(), String> {
    if !cfg!(target_os = "linux") {
        return Err("it needs Linux (binfmt_misc, namespaces, chroot)".into());
    }
    let uid = util::output(&mut cmd("id", ["-u"]))?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Err("it needs root (mmdebstrap --mode=root, mount, unshare, chroot)".into());
    }
    let binfmt = Path::new("/proc/sys/fs/binfmt_misc");
    if !binfmt.join("status").exists() {
        let mut mount = cmd("mount", ["-t", "binfmt_misc", "binfmt_misc"]);
        mount.arg(binfmt);
        run(&mut mount).map_err(|e| format!("binfmt_misc is not mounted and mounting it was refused: {e}"))?;
    }
    let entry = binfmt.join("qemu-aarch64");
    let enabled = || std::fs::read_to_string(&entry).unwrap_or_default();
    if !enabled().starts_with("enabled") {
        run(&mut cmd("update-binfmts", ["--enable", "qemu-aarch64"]))
            .map_err(|e| format!("cannot enable qemu-aarch64 in binfmt_misc: {e}"))?;
    }
    let state = enabled();
    if !state.starts_with("enabled") {
        return Err(format!("binfmt_misc has no enabled qemu-aarch64 entry ({}): {state}", entry.display()));
    }
    // F: the kernel opens the interpreter at registration, so it works inside a chroot that lacks it.
    if !state.lines().any(|l| l.starts_with("flags:") && l.contains('F')) {
        return Err(format!("qemu-aarch64 is registered without the F flag, so it fails inside a chroot: {state}"));
    }
    Ok(())
}

/// A machine that cannot run the tier is reported loudly; on CI that fails.
fn unavailable(tier: &str, why: &str) -> Result<(), String> {
    let message = format!("{tier} cannot run on this machine: {why}");
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        return Err(format!("{message} (CI=true: this is a failure, not a skip)"));
    }
    let bar = "!".repeat(78);
    println!("{bar}\n!! SKIPPED: {message}\n!! No ARM64 code ran. Under CI=true this fails.\n{bar}");
    Ok(())
}

/// `~/.cache/zerotier-desktop-ui` (or under `$XDG_CACHE_HOME`): the root is
/// too big for the checkout and outlives `cargo clean`.
pub(crate) fn cache_dir() -> Result<PathBuf, String> {
    let base = match (std::env::var_os("XDG_CACHE_HOME"), std::env::var_os("HOME")) {
        (Some(x), _) if !x.is_empty() => PathBuf::from(x),
        (_, Some(home)) => PathBuf::from(home).join(".cache"),
        _ => return Err("neither XDG_CACHE_HOME nor HOME is set: no place for the arm64 root".into()),
    };
    let dir = base.join("zerotier-desktop-ui");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// The name of the cached root: a change of suite or packages makes a new one.
fn root_name() -> String {
    let recipe = format!("{SUITE} arm64 {}", ROOT_PACKAGES.join(" "));
    format!("arm64-root-{SUITE}-{:016x}", fnv1a(recipe.as_bytes()))
}

/// A hash that stays the same across Rust releases (std's does not promise to).
pub(crate) fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

/// The cached root, made with mmdebstrap when missing.  It is built under a
/// temporary name and renamed when complete, so an interrupted run never
/// leaves a root that looks finished.
fn prepared_root() -> Result<PathBuf, String> {
    let cache = cache_dir()?;
    let name = root_name();
    let root = cache.join(&name);
    remove_stale_roots(&cache, &name)?;
    if root.join("usr/bin/wine").exists() {
        return Ok(root);
    }
    let partial = cache.join(format!("{name}.partial"));
    remove_tree(&partial)?;
    let mirror = debian_mirror();
    let mut debstrap = cmd("mmdebstrap", ["--mode=root", "--arch=arm64", "--variant=apt"]);
    debstrap.arg(format!("--include={}", ROOT_PACKAGES.join(","))).arg(SUITE).arg(&partial).arg(&mirror);
    run(&mut debstrap)?;
    std::fs::rename(&partial, &root).map_err(|e| format!("cannot rename {}: {e}", partial.display()))?;
    Ok(root)
}

/// Roots of an older recipe are 800 MB each: only the current one stays.
fn remove_stale_roots(cache: &Path, keep: &str) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(cache) else { return Ok(()) };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("arm64-root-") && name != keep && !name.starts_with(&format!("{keep}.")) {
            println!("removing the outdated arm64 root {name}");
            remove_tree(&entry.path())?;
        }
    }
    Ok(())
}

/// Deletes a root directory, but never one with something mounted inside:
/// a bind-mounted checkout would be deleted with it.
pub(crate) fn remove_tree(dir: &Path) -> Result<(), String> {
    if !dir.exists() {
        return Ok(());
    }
    let mounts = std::fs::read_to_string("/proc/self/mounts").unwrap_or_default();
    let prefix = dir.to_string_lossy().into_owned();
    if let Some(line) = mounts.lines().find(|l| l.split(' ').nth(1).is_some_and(|m| m.starts_with(&prefix))) {
        return Err(format!("will not delete {}: something is mounted inside ({line})", dir.display()));
    }
    std::fs::remove_dir_all(dir).map_err(|e| format!("cannot delete {}: {e}", dir.display()))
}

/// The Debian mirror this machine's apt uses for the suite (proxies and
/// local mirrors included), or deb.debian.org.
fn debian_mirror() -> String {
    let mut texts = vec![std::fs::read_to_string("/etc/apt/sources.list").unwrap_or_default()];
    let mut parts: Vec<PathBuf> = std::fs::read_dir("/etc/apt/sources.list.d")
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    parts.sort();
    for part in parts {
        let ext = part.extension().and_then(|e| e.to_str());
        if ext == Some("list") || ext == Some("sources") {
            texts.push(std::fs::read_to_string(&part).unwrap_or_default());
        }
    }
    texts.iter().find_map(|t| mirror_in(t, SUITE)).unwrap_or_else(|| {
        println!("note: no apt source for {SUITE} found; using http://deb.debian.org/debian");
        "http://deb.debian.org/debian".into()
    })
}

/// The first `deb` URI serving `suite`, from one-line or deb822 sources text.
fn mirror_in(text: &str, suite: &str) -> Option<String> {
    for line in text.lines().map(str::trim) {
        // `deb [options] URI SUITE COMPONENTS...`
        let Some(rest) = line.strip_prefix("deb ") else { continue };
        let rest = rest.trim_start();
        let rest = match rest.strip_prefix('[') {
            Some(options) => options.split_once(']').map_or("", |(_, after)| after),
            None => rest,
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.get(1) == Some(&suite) {
            return Some(words[0].to_string());
        }
    }
    for stanza in text.split("\n\n") {
        let field = |name: &str| {
            stanza.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':'))).map(str::trim)
        };
        let is_deb = field("Types").is_some_and(|t| t.split_whitespace().any(|t| t == "deb"));
        let serves = field("Suites").is_some_and(|s| s.split_whitespace().any(|s| s == suite));
        let enabled = field("Enabled") != Some("no");
        if is_deb && serves && enabled {
            return field("URIs").and_then(|u| u.split_whitespace().next()).map(str::to_string);
        }
    }
    None
}

/// The cargo runner: runs `wine EXE ARGS` in the root, isolated, timed out,
/// keeping the program's exit code.
///
/// Starting Wine under emulation costs about 15 s (its server and system
/// processes boot, and `wineserver -w` waits out their linger), a few times
/// what most test programs need.  So `arm64-run.sh --session CMD...` runs CMD
/// (cargo) with one Wine session shared by every program cargo starts: one set
/// of namespaces holding a persistent wineserver, which each program joins
/// with nsenter.  After each program, what it started from the checkout and
/// left running is killed, so programs do not see each other's leftovers.
/// Without a session, a program gets namespaces and a Wine of its own.
fn write_runner(root: &Path) -> Result<PathBuf, String> {
    let runner = util::state_dir().join("arm64-run.sh");
    let body = format!(
        r#"# Generated by `cargo xtask test arm64-run`: runs Windows programs under
# the arm64 Wine of the cached root.
# Usage: arm64-run.sh EXE [ARGS...]          one program (joins $XTASK_ARM64_SESSION if set)
#        arm64-run.sh --session CMD [ARGS...]  CMD with one Wine session for its programs
root={root}
checkout={checkout}
limit={RUN_TIMEOUT_SECS}
wine_env() {{
    unset LD_LIBRARY_PATH XTASK_ARM64_STAGE
    export WINEPREFIX=/{PREFIX} WINEDEBUG=-all HOME=/root PATH=/usr/local/bin:/usr/bin:/bin
    if [ -n "$XAUTHORITY" ]; then export XAUTHORITY=/tmp/.Xauthority; fi
}}
report() {{
    case $1 in
    0 | 101) ;; # success, or a Rust program's own failure report
    124 | 137) echo "arm64-run: $2 was killed after $limit s" >&2 ;;
    *) echo "arm64-run: $2 crashed or failed with exit status $1" >&2 ;;
    esac
}}
# Run inside the session's root: the program, then kill what it started and
# left running (a Wine process whose program lies in the checkout, by its Unix
# path or a Windows path through target\).
in_session='cd "$1" || exit 125; c=$2; l=$3; shift 3
timeout -k 10 "$l" wine "$@"; rc=$?
for p in /proc/[0-9]*; do
    case "$(tr "\0" " " <"$p/cmdline" 2>/dev/null)" in
    */wine64\ "$c"/* | */wine64\ [A-Za-z]:\\*\\target\\*) kill -9 "${{p#/proc/}}" 2>/dev/null ;;
    esac
done
exit $rc'
if [ "$XTASK_ARM64_STAGE" != inside ]; then
    [ $# -ge 1 ] || {{ echo "usage: $0 EXE [ARGS...] | --session CMD [ARGS...]" >&2; exit 2; }}
    if [ "$1" = --session ]; then
        shift
        dir=$(mktemp -d) || exit 1
        mkfifo "$dir/ready"
        # --kill-child: when the holder dies, the kernel ends everything in its namespaces.
        XTASK_ARM64_STAGE=inside unshare -m -p -n --fork --kill-child "$0" --hold "$dir/ready" &
        holder=$!
        # The holder opens the fifo once its mounts are made; if it dies first, nobody does.
        state=$(timeout 300 sh -c 'read -r s <"$1" && echo "$s"' read "$dir/ready")
        rm -rf "$dir"
        if [ "$state" != ready ]; then
            kill -9 "$holder" 2>/dev/null; wait "$holder"
            echo "arm64-run: the Wine session did not start" >&2; exit 1
        fi
        # The holder's child is the process in the namespaces that programs join.
        read -r member _ <"/proc/$holder/task/$holder/children"
        trap 'kill -9 "$member" 2>/dev/null; exit 130' INT TERM
        XTASK_ARM64_SESSION=$member "$@"
        rc=$?
        # A clean server exit saves the registry; then the namespaces go.
        (wine_env; nsenter -t "$member" -m -p -n -r -w \
            /bin/sh -c 'wineserver -k; wineserver -w') 2>/dev/null
        # unshare ignores SIGTERM while it waits; the namespace ends with its first process.
        kill -9 "$member" 2>/dev/null; wait "$holder"
        exit $rc
    fi
    if [ -n "$XTASK_ARM64_SESSION" ]; then
        start=$(date +%s)
        (wine_env; exec nsenter -t "$XTASK_ARM64_SESSION" -m -p -n -r -w /bin/sh -c "$in_session" \
            arm64-run "$PWD" "$checkout" "$limit" "$@")
        rc=$?
        report $rc "$1"
        # Where the tier's time goes, program by program.
        echo "arm64-run: ${{1##*/}} ran $(($(date +%s) - start)) s" >&2
        exit $rc
    fi
    XTASK_ARM64_STAGE=inside timeout -k 10 "$limit" unshare -m -p -n --fork --kill-child "$0" "$@"
    rc=$?
    report $rc "$1"
    exit $rc
fi
set -e
mount --make-rprivate /
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --rbind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/tmp"
case "$DISPLAY" in
:*)
    n=${{DISPLAY#:}}; n=${{n%%.*}}
    mkdir -p "$root/tmp/.X11-unix"
    : >"$root/tmp/.X11-unix/X$n"
    mount --bind "/tmp/.X11-unix/X$n" "$root/tmp/.X11-unix/X$n" ;;
esac
if [ -n "$XAUTHORITY" ]; then
    : >"$root/tmp/.Xauthority"
    mount --bind "$XAUTHORITY" "$root/tmp/.Xauthority"
fi
# Same path inside: tests read the sources through CARGO_MANIFEST_DIR.
mkdir -p "$root$checkout"
mount --rbind "$checkout" "$root$checkout"
ip link set lo up
wine_env
if [ "$1" = --hold ]; then
    # The session: a persistent server, then this process stays as the one
    # others join (its root is the chroot).  The fifo is opened before chroot.
    exec /usr/sbin/chroot "$root" /bin/sh -c 'wineserver -p && echo ready && exec sleep infinity' >"$2"
fi
# Without `wineserver -w` the exit code is lost.
exec /usr/sbin/chroot "$root" /bin/sh -c 'cd "$1" || exit 125; shift; wine "$@"; rc=$?; wineserver -w; exit $rc' \
    arm64-run "$PWD" "$@"
"#,
        root = sh_quote(&root.to_string_lossy()),
        checkout = sh_quote(&util::root().to_string_lossy()),
    );
    util::write_script(&runner, &body)?;
    Ok(runner)
}

/// `cmd` (a cargo call whose programs the runner starts) wrapped so that all
/// of them share one Wine session (see `write_runner`).
pub(crate) fn in_session(runner: &Path, inner: &mut Command) -> Command {
    let mut c = Command::new(runner);
    c.arg("--session").arg(inner.get_program()).args(inner.get_args());
    if let Some(dir) = inner.get_current_dir() {
        c.current_dir(dir);
    }
    for (k, v) in inner.get_envs() {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c
}

fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The prefix inside the root: booted, windows unmanaged (as in the `wine`
/// tier), and the bcryptprimitives shim built for ARM64.
fn prepare_prefix(root: &Path, runner: &Path) -> Result<(), String> {
    let prefix = root.join(PREFIX);
    if !prefix.join("system.reg").exists() {
        run(Command::new(runner).args(["wineboot", "-i"]))?;
    }
    let unmanaged = prefix.join("xtask-unmanaged");
    if !unmanaged.exists() {
        run(Command::new(runner).args(WINE_UNMANAGED_REG))?;
        std::fs::write(&unmanaged, "Managed=N set\n").map_err(|e| e.to_string())?;
    }
    let no_debugger = prefix.join("xtask-no-debugger");
    if !no_debugger.exists() {
        // An unhandled exception would start winedbg (also when no debugger is
        // set), which cannot attach under emulation and waits until the time
        // limit.  A debugger that does not exist makes the program end at once.
        let key = "HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion\\AeDebug";
        let args = ["reg", "add", key, "/v", "Debugger", "/t", "REG_SZ", "/d", "xtask-no-debugger.exe", "/f"];
        run(Command::new(runner).args(args))?;
        std::fs::write(&no_debugger, "AeDebug Debugger: none\n").map_err(|e| e.to_string())?;
    }
    let shim = prefix.join("drive_c/windows/system32/bcryptprimitives.dll");
    if !shim.exists() {
        let out = util::state_dir().join("arm64-shim");
        std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
        let src = util::root().join("xtask/wine");
        let mut cc = cmd("python3", ["-m", "ziglang", "cc", "-target", "aarch64-windows-gnu", "-O2", "-shared", "-o"]);
        cc.arg(out.join("bcryptprimitives.dll"))
            .arg(src.join("bcryptprimitives.c"))
            .arg(src.join("bcryptprimitives.def"))
            .arg("-ladvapi32");
        run(&mut cc)?;
        std::fs::copy(out.join("bcryptprimitives.dll"), &shim)
            .map_err(|e| format!("cannot copy the shim to {}: {e}", shim.display()))?;
    }
    Ok(())
}

/// The `arm64` tier's zig toolchain, debug C without the sanitizer and
/// stack-protector runtimes zig does not link for Windows, and the runner.
fn target_env(c: &mut Command, runner: &Path) -> Result<(), String> {
    arm64_env(c)?;
    c.env(format!("CFLAGS_{}", triple_var(ARM64_TARGET)), "-fno-sanitize=undefined -fno-stack-protector")
        .env(cargo_target_var(ARM64_TARGET, "RUNNER"), runner);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirror_from_deb822_skips_other_suites() {
        let text = "Types: deb\nURIs: http://security.example/debian-security\nSuites: bookworm-security\n\n\
                    Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\n\n\
                    Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm bookworm-updates\n";
        assert_eq!(mirror_in(text, "bookworm").as_deref(), Some("http://mirror.example/debian"));
        assert_eq!(mirror_in(text, "trixie"), None);
    }

    #[test]
    fn mirror_from_one_line_sources() {
        let text = "# deb http://old.example/debian bookworm main\n\
                    deb [arch=amd64 signed-by=/k.gpg] http://one.example/debian bookworm main\n";
        assert_eq!(mirror_in(text, "bookworm").as_deref(), Some("http://one.example/debian"));
    }

    #[test]
    fn root_name_follows_the_package_list() {
        assert!(root_name().starts_with("arm64-root-bookworm-"));
        assert_ne!(fnv1a(b"wine xauth"), fnv1a(b"wine"));
    }
}
