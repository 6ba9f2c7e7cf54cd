//! Windows executables get the app's icon, version information and a manifest (per-monitor DPI
//! aware, common controls v6, no elevation). Nothing happens for other targets.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icons/latih-asn.ico");
    println!("cargo:rerun-if-changed=packaging/windows/latih-asn.manifest");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let version = std::env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    let manifest = std::fs::read_to_string("packaging/windows/latih-asn.manifest")
        .expect("packaging/windows/latih-asn.manifest is part of the repository")
        .replace("@VERSION@", &four_part(&version));
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icons/latih-asn.ico")
        .set_manifest(&manifest)
        .set("ProductName", "latih-asn")
        .set(
            "FileDescription",
            "latih-asn: pelatihan netralitas ASN dan antikorupsi",
        )
        .set("OriginalFilename", "latih-asn.exe")
        .set("LegalCopyright", "MIT License")
        .set_language(0x0421); // Indonesian
    if let Err(error) = resource.compile() {
        // A release without its manifest would be blurry and without an icon: stop the build.
        panic!(
            "cannot embed the Windows resources ({error}); cross-building needs mingw-w64's \
             windres (apt install mingw-w64), an MSVC build the Windows SDK's rc.exe"
        );
    }
}

/// `0.1.0` → `0.1.0.0`: a manifest's version has four numbers.
fn four_part(version: &str) -> String {
    let mut parts: Vec<&str> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|part| {
            if part.chars().all(|c| c.is_ascii_digit()) {
                part
            } else {
                "0"
            }
        })
        .collect();
    parts.resize(4, "0");
    parts.join(".")
}
