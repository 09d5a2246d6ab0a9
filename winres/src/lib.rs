//! Windows resources (manifest, icon, version information) written straight
//! into a COFF object that every Windows linker accepts: link.exe, lld-link
//! (zig, llvm-mingw) and GNU ld (MinGW-w64).
//!
//! Doing this in Rust means no rc.exe, windres or llvm-rc is needed: the app
//! builds with cargo and a C compiler alone, cross builds included, and the
//! result is the same bytes on every machine.

mod png;

/// Standard resource types (winuser.h `RT_*`).
pub const RT_ICON: u16 = 3;
pub const RT_GROUP_ICON: u16 = 14;
pub const RT_VERSION: u16 = 16;
pub const RT_MANIFEST: u16 = 24;

/// U.S. English, the language of every resource here.
pub const LANG_EN_US: u16 = 0x0409;

/// One resource: type and name are numeric IDs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub type_id: u16,
    pub name_id: u16,
    pub lang: u16,
    pub data: Vec<u8>,
}

/// One square icon image in straight (not premultiplied) RGBA order.
#[derive(Debug, Clone)]
pub struct IconImage {
    pub size: u32,
    pub rgba: Vec<u8>,
}

/// `RT_ICON` images plus the `RT_GROUP_ICON` directory that names them.
/// Images get IDs `first_id..`; the group gets `group_id`.
pub fn icon_resources(images: &[IconImage], group_id: u16, first_id: u16) -> Vec<Resource> {
    let mut resources = Vec::new();
    let mut group = Vec::new();
    push_u16(&mut group, 0); // reserved
    push_u16(&mut group, 1); // type: icon
    push_u16(&mut group, images.len() as u16);
    for (index, image) in images.iter().enumerate() {
        let id = first_id + index as u16;
        // 256 pixels and more as PNG (what Windows itself ships, a fraction of the bytes);
        // the smaller sizes as DIBs, which every icon reader takes.
        let data = if image.size >= 256 { png::encode_rgba(&image.rgba, image.size) } else { dib_icon(image) };
        let dim = if image.size >= 256 { 0 } else { image.size as u8 };
        group.extend_from_slice(&[dim, dim, 0, 0]);
        push_u16(&mut group, 1); // planes
        push_u16(&mut group, 32); // bits per pixel
        push_u32(&mut group, data.len() as u32);
        push_u16(&mut group, id);
        resources.push(Resource { type_id: RT_ICON, name_id: id, lang: LANG_EN_US, data });
    }
    resources.push(Resource { type_id: RT_GROUP_ICON, name_id: group_id, lang: LANG_EN_US, data: group });
    resources
}

/// An icon image as a 32-bit DIB: BITMAPINFOHEADER with doubled height,
/// bottom-up BGRA pixels, then the 1-bit AND mask (all zero: alpha decides).
fn dib_icon(image: &IconImage) -> Vec<u8> {
    let size = image.size as usize;
    assert_eq!(image.rgba.len(), size * size * 4, "icon pixels must be size*size RGBA");
    let mask_stride = size.div_ceil(32) * 4;
    let mut out = Vec::with_capacity(40 + size * size * 4 + mask_stride * size);
    push_u32(&mut out, 40);
    push_u32(&mut out, size as u32);
    push_u32(&mut out, 2 * size as u32);
    push_u16(&mut out, 1);
    push_u16(&mut out, 32);
    out.extend_from_slice(&[0; 24]); // BI_RGB, no size, resolution or palette
    for row in (0..size).rev() {
        for px in image.rgba[row * size * 4..(row + 1) * size * 4].chunks_exact(4) {
            out.extend_from_slice(&[px[2], px[1], px[0], px[3]]);
        }
    }
    out.resize(out.len() + mask_stride * size, 0);
    out
}

/// Fixed and string fields of a `VS_VERSIONINFO` resource.
#[derive(Debug, Clone)]
pub struct VersionInfo {
    /// major, minor, patch, build
    pub version: [u16; 4],
    /// StringFileInfo pairs such as ("ProductName", "..."), in this order.
    pub strings: Vec<(String, String)>,
}

/// The `RT_VERSION` resource (ID 1).
pub fn version_resource(info: &VersionInfo) -> Resource {
    let [a, b, c, d] = info.version.map(u32::from);
    let mut fixed = Vec::new();
    for value in [
        0xFEEF_04BD,   // signature
        0x0001_0000,   // structure version 1.0
        (a << 16) | b, // file version
        (c << 16) | d,
        (a << 16) | b, // product version
        (c << 16) | d,
        0x3F,        // flags mask
        0,           // flags
        0x0004_0004, // VOS_NT_WINDOWS32
        1,           // VFT_APP
        0,           // subtype
        0,           // date
        0,
    ] {
        push_u32(&mut fixed, value);
    }
    let strings: Vec<Vec<u8>> =
        info.strings.iter().map(|(key, value)| version_node(key, NodeValue::Text(value), &[])).collect();
    let table = version_node("040904B0", NodeValue::None, &strings);
    let string_info = version_node("StringFileInfo", NodeValue::None, &[table]);
    let mut translation = Vec::new();
    push_u16(&mut translation, LANG_EN_US);
    push_u16(&mut translation, 1200); // UTF-16
    let var = version_node("Translation", NodeValue::Binary(&translation), &[]);
    let var_info = version_node("VarFileInfo", NodeValue::None, &[var]);
    let data = version_node("VS_VERSION_INFO", NodeValue::Binary(&fixed), &[string_info, var_info]);
    Resource { type_id: RT_VERSION, name_id: 1, lang: LANG_EN_US, data }
}

enum NodeValue<'a> {
    None,
    Binary(&'a [u8]),
    Text(&'a str),
}

/// One node of the version tree: length, value length, type, key, value,
/// children; every part starts on a 32-bit boundary.
fn version_node(key: &str, value: NodeValue, children: &[Vec<u8>]) -> Vec<u8> {
    let mut out = vec![0; 6];
    push_utf16z(&mut out, key);
    align4(&mut out);
    let (value_len, is_text) = match value {
        NodeValue::None => (0, true),
        NodeValue::Binary(bytes) => {
            out.extend_from_slice(bytes);
            (bytes.len(), false)
        }
        NodeValue::Text(text) => {
            let before = out.len();
            push_utf16z(&mut out, text);
            ((out.len() - before) / 2, true) // text length counts UTF-16 units
        }
    };
    for child in children {
        align4(&mut out);
        out.extend_from_slice(child);
    }
    let len = out.len() as u16;
    out[0..2].copy_from_slice(&len.to_le_bytes());
    out[2..4].copy_from_slice(&(value_len as u16).to_le_bytes());
    out[4..6].copy_from_slice(&u16::from(is_text).to_le_bytes());
    out
}

/// COFF machine numbers (`IMAGE_FILE_MACHINE_*`).
pub const MACHINE_I386: u16 = 0x014C;
pub const MACHINE_AMD64: u16 = 0x8664;
pub const MACHINE_ARM64: u16 = 0xAA64;

/// COFF machine of a target architecture (`CARGO_CFG_TARGET_ARCH`).
pub fn coff_machine(arch: &str) -> Option<u16> {
    match arch {
        "x86" => Some(MACHINE_I386),
        "x86_64" => Some(MACHINE_AMD64),
        "aarch64" => Some(MACHINE_ARM64),
        _ => None,
    }
}

/// The relocation type that stores an image-relative address (RVA): the
/// resource data entries point at their data this way.
fn rva_relocation(machine: u16) -> u16 {
    match machine {
        MACHINE_I386 => 0x0007,  // IMAGE_REL_I386_DIR32NB
        MACHINE_ARM64 => 0x0002, // IMAGE_REL_ARM64_ADDR32NB
        _ => 0x0003,             // IMAGE_REL_AMD64_ADDR32NB
    }
}

/// A COFF object holding `resources` in a `.rsrc` section: the resource
/// directory tree (type, name, language), the data entries, then the data.
pub fn coff_object(resources: &[Resource], machine: u16) -> Vec<u8> {
    let mut sorted: Vec<&Resource> = resources.iter().collect();
    sorted.sort_by_key(|r| (r.type_id, r.name_id, r.lang));
    let (section, relocs) = rsrc_section(&sorted);

    const HEADER: usize = 20;
    const SECTION_HEADER: usize = 40;
    let data_offset = HEADER + SECTION_HEADER;
    let reloc_offset = data_offset + section.len();
    let symtab_offset = reloc_offset + relocs.len() * 10;

    let mut out = Vec::new();
    push_u16(&mut out, machine);
    push_u16(&mut out, 1); // sections
    push_u32(&mut out, 0); // timestamp: 0 keeps builds reproducible
    push_u32(&mut out, symtab_offset as u32);
    push_u32(&mut out, 3); // symbols: .rsrc + its aux record + @feat.00
    push_u16(&mut out, 0); // optional header size
    push_u16(&mut out, 0); // characteristics

    out.extend_from_slice(b".rsrc\0\0\0");
    push_u32(&mut out, 0); // virtual size
    push_u32(&mut out, 0); // virtual address
    push_u32(&mut out, section.len() as u32);
    push_u32(&mut out, data_offset as u32);
    push_u32(&mut out, reloc_offset as u32);
    push_u32(&mut out, 0); // line numbers
    push_u16(&mut out, relocs.len() as u16);
    push_u16(&mut out, 0);
    // initialized data, readable, 4-byte aligned
    push_u32(&mut out, 0x0000_0040 | 0x4000_0000 | 0x0030_0000);

    out.extend_from_slice(&section);
    for offset in &relocs {
        push_u32(&mut out, *offset);
        push_u32(&mut out, 0); // symbol 0: the section symbol
        push_u16(&mut out, rva_relocation(machine));
    }

    // Section symbol with its auxiliary section definition.
    out.extend_from_slice(b".rsrc\0\0\0");
    push_u32(&mut out, 0);
    push_u16(&mut out, 1); // section number
    push_u16(&mut out, 0);
    out.push(3); // IMAGE_SYM_CLASS_STATIC
    out.push(1); // one aux record
    push_u32(&mut out, section.len() as u32);
    push_u16(&mut out, relocs.len() as u16);
    push_u16(&mut out, 0);
    out.extend_from_slice(&[0; 10]);
    // @feat.00 = 1 marks the object SafeSEH-compatible, which link.exe
    // requires of every object in an x86 image.
    out.extend_from_slice(b"@feat.00");
    push_u32(&mut out, u32::from(machine == MACHINE_I386));
    push_u16(&mut out, 0xFFFF); // IMAGE_SYM_ABSOLUTE
    push_u16(&mut out, 0);
    out.push(3);
    out.push(0);
    push_u32(&mut out, 4); // empty string table
    out
}

/// Name IDs of one resource type, each with the indexes of its languages.
type NameTable = Vec<(u16, Vec<usize>)>;

/// Lays out the `.rsrc` section; returns it and the offsets of the data
/// entries' address fields, which need relocations.
fn rsrc_section(resources: &[&Resource]) -> (Vec<u8>, Vec<u32>) {
    // Group: type -> name -> languages, all already sorted.
    let mut types: Vec<(u16, NameTable)> = Vec::new();
    for (index, r) in resources.iter().enumerate() {
        if types.last().map(|t| t.0) != Some(r.type_id) {
            types.push((r.type_id, Vec::new()));
        }
        let names = &mut types.last_mut().expect("pushed above").1;
        if names.last().map(|n| n.0) != Some(r.name_id) {
            names.push((r.name_id, Vec::new()));
        }
        names.last_mut().expect("pushed above").1.push(index);
    }
    let table_size = |entries: usize| 16 + 8 * entries;
    let name_tables: usize = types.iter().map(|(_, names)| table_size(names.len())).sum();
    let lang_tables: usize = types.iter().flat_map(|(_, names)| names).map(|(_, langs)| table_size(langs.len())).sum();
    let entries_start = table_size(types.len()) + name_tables + lang_tables;
    let mut data_pos = entries_start + 16 * resources.len();

    let mut data_offsets = Vec::new();
    for r in resources {
        data_pos = data_pos.next_multiple_of(8);
        data_offsets.push(data_pos);
        data_pos += r.data.len();
    }

    let mut out = Vec::new();
    let subdir = |offset: usize| 0x8000_0000 | offset as u32;
    // Root: one entry per type, pointing at its name table.
    let mut next_table = table_size(types.len());
    push_table_header(&mut out, types.len());
    for (type_id, names) in &types {
        push_u32(&mut out, u32::from(*type_id));
        push_u32(&mut out, subdir(next_table));
        next_table += table_size(names.len());
    }
    // Name tables, pointing at language tables.
    for (_, names) in &types {
        push_table_header(&mut out, names.len());
        for (name_id, langs) in names {
            push_u32(&mut out, u32::from(*name_id));
            push_u32(&mut out, subdir(next_table));
            next_table += table_size(langs.len());
        }
    }
    // Language tables, pointing at data entries (no high bit: a leaf).
    for (_, names) in &types {
        for (_, langs) in names {
            push_table_header(&mut out, langs.len());
            for &index in langs {
                push_u32(&mut out, u32::from(resources[index].lang));
                push_u32(&mut out, (entries_start + 16 * index) as u32);
            }
        }
    }
    let mut relocs = Vec::new();
    for (r, offset) in resources.iter().zip(&data_offsets) {
        relocs.push(out.len() as u32);
        push_u32(&mut out, *offset as u32); // section offset; the relocation adds the RVA
        push_u32(&mut out, r.data.len() as u32);
        push_u32(&mut out, 0); // code page
        push_u32(&mut out, 0);
    }
    for (r, offset) in resources.iter().zip(&data_offsets) {
        out.resize(*offset, 0);
        out.extend_from_slice(&r.data);
    }
    out.resize(out.len().next_multiple_of(4), 0);
    (out, relocs)
}

/// Reads every resource of a PE image (exe or dll): the inverse of what the
/// linker makes of [`coff_object`].  Used by tests that check built exes.
pub fn read_pe_resources(image: &[u8]) -> Result<Vec<Resource>, String> {
    let u16_at = |o: usize| image.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]])).ok_or("truncated PE");
    let u32_at =
        |o: usize| image.get(o..o + 4).map(|b| u32::from_le_bytes(b.try_into().unwrap())).ok_or("truncated PE");
    if image.get(0..2) != Some(b"MZ") {
        return Err("not a PE image (no MZ header)".into());
    }
    let pe = u32_at(0x3C)? as usize;
    if image.get(pe..pe + 4) != Some(b"PE\0\0") {
        return Err("not a PE image (no PE signature)".into());
    }
    let sections = u16_at(pe + 6)? as usize;
    let optional = pe + 24;
    let optional_size = u16_at(pe + 20)? as usize;
    let directories = match u16_at(optional)? {
        0x10B => optional + 96,
        0x20B => optional + 112,
        other => return Err(format!("unknown optional header magic {other:#x}")),
    };
    let rsrc_rva = u32_at(directories + 2 * 8)? as usize;
    if rsrc_rva == 0 {
        return Ok(Vec::new());
    }
    // Map an RVA to a file offset through the section table.
    let table = optional + optional_size;
    let mut spans = Vec::new();
    for i in 0..sections {
        let h = table + 40 * i;
        spans.push((u32_at(h + 12)? as usize, u32_at(h + 8)?.max(u32_at(h + 16)?) as usize, u32_at(h + 20)? as usize));
    }
    let file_offset = |rva: usize| {
        spans
            .iter()
            .find(|(va, size, _)| rva >= *va && rva < va + size)
            .map(|(va, _, raw)| rva - va + raw)
            .ok_or_else(|| format!("RVA {rva:#x} is in no section"))
    };
    let base = file_offset(rsrc_rva)?;
    let entries = |table: usize| -> Result<Vec<(u32, u32)>, String> {
        let count = u16_at(base + table + 12)? as usize + u16_at(base + table + 14)? as usize;
        (0..count).map(|i| Ok((u32_at(base + table + 16 + 8 * i)?, u32_at(base + table + 20 + 8 * i)?))).collect()
    };
    let mut out = Vec::new();
    for (type_id, names) in entries(0)? {
        for (name_id, langs) in entries((names & 0x7FFF_FFFF) as usize)? {
            for (lang, entry) in entries((langs & 0x7FFF_FFFF) as usize)? {
                let rva = u32_at(base + entry as usize)? as usize;
                let size = u32_at(base + entry as usize + 4)? as usize;
                let start = file_offset(rva)?;
                let data = image.get(start..start + size).ok_or("resource data outside the file")?.to_vec();
                // Named (string) IDs are not used here; keep their low bits.
                out.push(Resource { type_id: type_id as u16, name_id: name_id as u16, lang: lang as u16, data });
            }
        }
    }
    Ok(out)
}

fn push_table_header(out: &mut Vec<u8>, id_entries: usize) {
    out.extend_from_slice(&[0; 12]); // characteristics, timestamp, version
    push_u16(out, 0); // named entries
    push_u16(out, id_entries as u16);
}

fn push_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn push_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn push_utf16z(out: &mut Vec<u8>, s: &str) {
    for unit in s.encode_utf16().chain([0]) {
        push_u16(out, unit);
    }
}

fn align4(out: &mut Vec<u8>) {
    out.resize(out.len().next_multiple_of(4), 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u16_at(b: &[u8], o: usize) -> u16 {
        u16::from_le_bytes([b[o], b[o + 1]])
    }
    fn u32_at(b: &[u8], o: usize) -> u32 {
        u32::from_le_bytes(b[o..o + 4].try_into().unwrap())
    }

    #[test]
    fn dib_is_bottom_up_bgra_with_mask() {
        let mut rgba = vec![0u8; 2 * 2 * 4];
        rgba[0..4].copy_from_slice(&[1, 2, 3, 4]); // top-left
        let dib = dib_icon(&IconImage { size: 2, rgba });
        assert_eq!(u32_at(&dib, 8), 4, "height covers colour and mask");
        // Top-left pixel is the first pixel of the last (top) row.
        assert_eq!(&dib[40 + 8..40 + 12], &[3, 2, 1, 4]);
        assert_eq!(dib.len(), 40 + 16 + 2 * 4);
    }

    #[test]
    fn group_icon_lists_every_image() {
        let images: Vec<IconImage> =
            [16u32, 256].iter().map(|&s| IconImage { size: s, rgba: vec![255; (s * s * 4) as usize] }).collect();
        let res = icon_resources(&images, 1, 10);
        let group = res.iter().find(|r| r.type_id == RT_GROUP_ICON).unwrap();
        assert_eq!(u16_at(&group.data, 4), 2);
        assert_eq!(group.data[6], 16);
        assert_eq!(group.data[6 + 14], 0, "256 is stored as 0");
        assert_eq!(u16_at(&group.data, 6 + 12), 10);
        assert_eq!(u16_at(&group.data, 6 + 14 + 12), 11);
        let icon = res.iter().find(|r| r.name_id == 11).unwrap();
        assert_eq!(u32_at(&group.data, 6 + 14 + 8) as usize, icon.data.len());
    }

    #[test]
    fn version_tree_has_fixed_info_and_strings() {
        let res = version_resource(&VersionInfo {
            version: [1, 2, 3, 4],
            strings: vec![("ProductName".into(), "Zé".into())],
        });
        let d = &res.data;
        assert_eq!(u16_at(d, 0) as usize, d.len());
        assert_eq!(u16_at(d, 2), 52, "VS_FIXEDFILEINFO is 52 bytes");
        // key "VS_VERSION_INFO" (16 units with NUL) after the 6-byte header, then padding.
        let fixed = (6 + 32usize).next_multiple_of(4);
        assert_eq!(u32_at(d, fixed), 0xFEEF_04BD);
        assert_eq!(u32_at(d, fixed + 8), 0x0001_0002);
        assert_eq!(u32_at(d, fixed + 12), 0x0003_0004);
        let utf16: Vec<u8> = "Zé".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert!(d.windows(utf16.len()).any(|w| w == utf16.as_slice()));
    }

    #[test]
    fn coff_object_has_one_relocated_rsrc_section() {
        let res = vec![
            Resource { type_id: RT_MANIFEST, name_id: 1, lang: LANG_EN_US, data: b"<assembly/>".to_vec() },
            Resource { type_id: RT_VERSION, name_id: 1, lang: LANG_EN_US, data: vec![1, 2, 3] },
        ];
        let obj = coff_object(&res, 0xAA64);
        assert_eq!(u16_at(&obj, 0), 0xAA64);
        assert_eq!(&obj[20..28], b".rsrc\0\0\0");
        assert_eq!(u16_at(&obj, 20 + 32), 2, "one relocation per resource");
        let data = u32_at(&obj, 20 + 20) as usize;
        let section = &obj[data..data + u32_at(&obj, 20 + 16) as usize];
        // Root table: two ID entries sorted by type (16 before 24).
        assert_eq!(u16_at(section, 14), 2);
        assert_eq!(u32_at(section, 16), 16);
        assert_eq!(u32_at(section, 24), 24);
        // The relocated field of the first data entry holds the section offset of its data.
        let reloc = u32_at(&obj, 20 + 24) as usize;
        let field = u32_at(&obj, reloc) as usize;
        let target = u32_at(section, field) as usize;
        assert_eq!(&section[target..target + 3], &[1, 2, 3]);
        assert_eq!(u16_at(&obj, reloc + 8), 0x0002, "ARM64 ADDR32NB");
    }
}
