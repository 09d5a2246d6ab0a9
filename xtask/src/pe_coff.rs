//! Inspections of build products: COFF objects in static libraries and
//! PE executables.

use object::read::archive::ArchiveFile;
use object::read::coff::CoffFile;
use object::{Object, ObjectSection};

pub use zt_winres::{MACHINE_AMD64, MACHINE_ARM64, MACHINE_I386};

pub fn machine_name(machine: u16) -> &'static str {
    match machine {
        MACHINE_I386 => "i386",
        MACHINE_AMD64 => "AMD64",
        MACHINE_ARM64 => "ARM64",
        _ => "other",
    }
}

/// What an MSVC static library holds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ArchiveSummary {
    pub objects: usize,
    /// `/DEFAULTLIB:` names from the objects' `.drectve` sections, lowercase, sorted, unique.
    pub default_libs: Vec<String>,
}

/// Checks that every member of the archive is a COFF object for `machine`
/// and that its default-library directives name the static CRT (LIBCMT)
/// and never the DLL one (MSVCRT).
pub fn check_msvc_archive(data: &[u8], machine: u16) -> Result<ArchiveSummary, String> {
    let archive = ArchiveFile::parse(data).map_err(|e| format!("not an archive: {e}"))?;
    let mut summary = ArchiveSummary::default();
    for member in archive.members() {
        let member = member.map_err(|e| format!("bad archive member: {e}"))?;
        let name = String::from_utf8_lossy(member.name()).into_owned();
        let bytes = member.data(data).map_err(|e| format!("{name}: {e}"))?;
        let coff = CoffFile::<&[u8]>::parse(bytes).map_err(|e| format!("{name} is not a COFF object: {e}"))?;
        let found = coff.coff_header().machine.get(object::LittleEndian);
        if found != machine {
            return Err(format!(
                "{name} is a {} object ({found:#06x}), expected {} ({machine:#06x})",
                machine_name(found),
                machine_name(machine)
            ));
        }
        if let Some(section) = coff.section_by_name(".drectve") {
            let text = section.data().map_err(|e| format!("{name}: {e}"))?;
            summary.default_libs.extend(default_libs(&String::from_utf8_lossy(text)));
        }
        summary.objects += 1;
    }
    summary.default_libs.sort();
    summary.default_libs.dedup();
    if summary.objects == 0 {
        return Err("the archive holds no objects".into());
    }
    if summary.default_libs.iter().any(|l| l.starts_with("msvcrt")) {
        return Err(format!("objects ask for the DLL CRT (MSVCRT): {:?}", summary.default_libs));
    }
    if !summary.default_libs.iter().any(|l| l.starts_with("libcmt")) {
        return Err(format!("no object asks for the static CRT (LIBCMT): {:?}", summary.default_libs));
    }
    Ok(summary)
}

/// The library names of `/DEFAULTLIB:x` (or `-defaultlib:x`) directives.
fn default_libs(directives: &str) -> Vec<String> {
    directives
        .split_whitespace()
        .filter_map(|d| {
            let lower = d.to_ascii_lowercase();
            let rest = lower.strip_prefix("/defaultlib:").or_else(|| lower.strip_prefix("-defaultlib:"))?;
            let name = rest.trim_matches('"');
            Some(name.strip_suffix(".lib").unwrap_or(name).to_string())
        })
        .collect()
}

/// DLLs every Windows 10/11 installation has.  Anything else (vcruntime,
/// libgcc, libwinpthread, libunwind, libc++) would have to ship beside the exe.
fn is_system_dll(name: &str) -> bool {
    const SYSTEM: &[&str] = &[
        "advapi32.dll",
        "bcrypt.dll",
        "bcryptprimitives.dll",
        "comctl32.dll",
        "comdlg32.dll",
        "crypt32.dll",
        "dwmapi.dll",
        "gdi32.dll",
        "imm32.dll",
        "iphlpapi.dll",
        "kernel32.dll",
        "msvcrt.dll",
        "ntdll.dll",
        "ole32.dll",
        "oleaut32.dll",
        "secur32.dll",
        "shell32.dll",
        "shlwapi.dll",
        "ucrtbase.dll",
        "user32.dll",
        "userenv.dll",
        "uxtheme.dll",
        "version.dll",
        "winmm.dll",
        "ws2_32.dll",
    ];
    let lower = name.to_ascii_lowercase();
    SYSTEM.contains(&lower.as_str()) || lower.starts_with("api-ms-win-")
}

/// Facts about a PE executable.
#[derive(Debug)]
pub struct PeSummary {
    pub pe32_plus: bool,
    pub machine: u16,
    pub dlls: Vec<String>,
}

/// Reads machine, PE32/PE32+ and imported DLLs of an executable.
pub fn inspect_pe(data: &[u8]) -> Result<PeSummary, String> {
    let kind = object::FileKind::parse(data).map_err(|e| e.to_string())?;
    let (pe32_plus, machine, imports) = match kind {
        object::FileKind::Pe64 => {
            let pe = object::read::pe::PeFile64::parse(data).map_err(|e| e.to_string())?;
            (
                true,
                pe.nt_headers().file_header.machine.get(object::LittleEndian),
                pe.imports().map_err(|e| e.to_string())?,
            )
        }
        object::FileKind::Pe32 => {
            let pe = object::read::pe::PeFile32::parse(data).map_err(|e| e.to_string())?;
            (
                false,
                pe.nt_headers().file_header.machine.get(object::LittleEndian),
                pe.imports().map_err(|e| e.to_string())?,
            )
        }
        other => return Err(format!("not a PE executable: {other:?}")),
    };
    let mut dlls: Vec<String> =
        imports.iter().map(|i| String::from_utf8_lossy(i.library()).to_ascii_lowercase()).collect();
    dlls.sort();
    dlls.dedup();
    Ok(PeSummary { pe32_plus, machine, dlls })
}

/// An ARM64 PE32+ that imports only system DLLs.
pub fn check_arm64_exe(data: &[u8]) -> Result<PeSummary, String> {
    let pe = inspect_pe(data)?;
    if !pe.pe32_plus {
        return Err("not PE32+".into());
    }
    if pe.machine != MACHINE_ARM64 {
        return Err(format!("machine is {} ({:#06x}), not ARM64", machine_name(pe.machine), pe.machine));
    }
    let foreign: Vec<&String> = pe.dlls.iter().filter(|d| !is_system_dll(d)).collect();
    if !foreign.is_empty() {
        return Err(format!("imports non-system DLLs {foreign:?} (all imports: {:?})", pe.dlls));
    }
    Ok(pe)
}

#[cfg(test)]
mod tests {
    use super::*;
    use object::write::{Object as WriteObject, StandardSection};
    use object::{Architecture, BinaryFormat, Endianness, SectionKind};

    fn coff(arch: Architecture, directives: &str) -> Vec<u8> {
        let mut obj = WriteObject::new(BinaryFormat::Coff, arch, Endianness::Little);
        let text = obj.section_id(StandardSection::Text);
        obj.append_section_data(text, &[0xC3], 1);
        if !directives.is_empty() {
            let id = obj.add_section(Vec::new(), b".drectve".to_vec(), SectionKind::Linker);
            obj.append_section_data(id, directives.as_bytes(), 1);
        }
        obj.write().unwrap()
    }

    fn archive(members: &[Vec<u8>]) -> Vec<u8> {
        let mut out = b"!<arch>\n".to_vec();
        for (i, m) in members.iter().enumerate() {
            let name = format!("m{i}.obj/");
            out.extend_from_slice(
                format!("{name:<16}{:<12}{:<6}{:<6}{:<8}{:<10}`\n", 0, 0, 0, 644, m.len()).as_bytes(),
            );
            out.extend_from_slice(m);
            if m.len() % 2 == 1 {
                out.push(b'\n');
            }
        }
        out
    }

    #[test]
    fn static_crt_arm64_archive_passes() {
        let lib = archive(&[coff(Architecture::Aarch64, "/DEFAULTLIB:libcmt.lib /DEFAULTLIB:oldnames.lib")]);
        let s = check_msvc_archive(&lib, MACHINE_ARM64).unwrap();
        assert_eq!(s.objects, 1);
        assert_eq!(s.default_libs, ["libcmt", "oldnames"]);
    }

    #[test]
    fn wrong_machine_fails() {
        let lib = archive(&[coff(Architecture::X86_64, "/DEFAULTLIB:libcmt")]);
        let e = check_msvc_archive(&lib, MACHINE_ARM64).unwrap_err();
        assert!(e.contains("AMD64"), "{e}");
    }

    #[test]
    fn dll_crt_fails_and_missing_crt_fails() {
        let lib = archive(&[coff(Architecture::X86_64, "-defaultlib:\"MSVCRT\"")]);
        assert!(check_msvc_archive(&lib, MACHINE_AMD64).unwrap_err().contains("MSVCRT"));
        let lib = archive(&[coff(Architecture::X86_64, "")]);
        assert!(check_msvc_archive(&lib, MACHINE_AMD64).unwrap_err().contains("LIBCMT"));
    }

    #[test]
    fn system_dlls_are_recognised() {
        assert!(is_system_dll("KERNEL32.dll"));
        assert!(is_system_dll("api-ms-win-crt-runtime-l1-1-0.dll"));
        for dll in ["vcruntime140.dll", "libgcc_s_seh-1.dll", "libwinpthread-1.dll", "libunwind.dll", "libc++.dll"] {
            assert!(!is_system_dll(dll), "{dll}");
        }
    }

    #[test]
    fn non_pe_input_is_rejected() {
        assert!(inspect_pe(b"\x7fELF not a pe").is_err());
        assert!(check_arm64_exe(&coff(Architecture::Aarch64, "")).is_err());
    }
}
