use std::process::Command;
use std::{env, fs};

fn main() {
    // On Windows Rust always links against release version of MSVC runtime, thus requires
    // Release build here
    // sfu patch: the worker is built Release in every cargo profile (one cold build serves debug
    // and release builds of the application); MEDIASOUP_BUILDTYPE=Debug asks for a debug worker.
    // Declaring any rerun-if directive replaces cargo's default "any file changed", so list the
    // worker's inputs too (a directory is scanned recursively).
    for input in worker_cache::INPUTS.iter().chain(&["build.rs", "Cargo.toml"]) {
        println!("cargo:rerun-if-changed={input}");
    }
    println!("cargo:rerun-if-env-changed=MEDIASOUP_BUILDTYPE");
    println!("cargo:rerun-if-env-changed=MEDIASOUP_WORKER_CACHE");
    let build_type = match env::var("MEDIASOUP_BUILDTYPE") {
        Ok(t) if t == "Debug" => "Debug",
        _ => "Release",
    };

    let out_dir = env::var("OUT_DIR").unwrap();

    // Compile Rust flatbuffers
    let flatbuffers_declarations = planus_translation::translate_files(
        &fs::read_dir("fbs")
            .expect("Failed to read `fbs` directory")
            .filter_map(|maybe_entry| {
                maybe_entry
                    .map(|entry| {
                        let path = entry.path();
                        if path.extension() == Some("fbs".as_ref()) {
                            Some(path)
                        } else {
                            None
                        }
                    })
                    .transpose()
            })
            .collect::<Result<Vec<_>, _>>()
            .expect("Failed to collect flatbuffers files"),
    )
    .expect("Failed to translate flatbuffers files");

    fs::write(
        format!("{out_dir}/fbs.rs"),
        planus_codegen::generate_rust(&flatbuffers_declarations)
            .expect("Failed to generate Rust code from flatbuffers"),
    )
    .expect("Failed to write generated Rust flatbuffers into fbs.rs");

    if env::var("DOCS_RS").is_ok() {
        // Skip everything when building docs on docs.rs
        return;
    }

    // Force forward slashes on Windows too so that is plays well with our tasks.py
    let mediasoup_out_dir = format!("{}/out", out_dir.replace('\\', "/"));

    // Add C++ std lib
    #[cfg(target_os = "linux")]
    {
        let path = Command::new(env::var("CXX").unwrap_or_else(|_| "c++".to_string()))
            .arg("--print-file-name=libstdc++.a")
            .output()
            .expect("Failed to start")
            .stdout;
        println!(
            "cargo:rustc-link-search=native={}",
            String::from_utf8_lossy(&path)
                .trim()
                .strip_suffix("libstdc++.a")
                .expect("Failed to strip suffix"),
        );
        println!("cargo:rustc-link-lib=static=stdc++");
    }

    #[cfg(any(
        target_os = "freebsd",
        target_os = "dragonfly",
        target_os = "openbsd",
        target_os = "netbsd"
    ))]
    {
        let path = Command::new(env::var("CXX").unwrap_or_else(|_| "c++".to_string()))
            .arg("--print-file-name=libc++.a")
            .output()
            .expect("Failed to start")
            .stdout;
        println!(
            "cargo:rustc-link-search=native={}",
            String::from_utf8_lossy(&path)
                .trim()
                .strip_suffix("libc++.a")
                .expect("Failed to strip suffix"),
        );
        println!("cargo:rustc-link-lib=static=c++");
    }

    #[cfg(target_os = "macos")]
    {
        let path = Command::new("xcrun")
            .arg("--show-sdk-path")
            .output()
            .expect("Failed to start")
            .stdout;

        let libpath = format!(
            "{}/usr/lib",
            String::from_utf8(path)
                .expect("Failed to decode path")
                .trim()
        );
        println!("cargo:rustc-link-search={libpath}");
        println!("cargo:rustc-link-lib=dylib=c++");
        println!("cargo:rustc-link-lib=dylib=c++abi");
    }

    // sfu patch: content-addressed cache of the built worker library, outside the target dir.
    // Cargo rebuilds a path dependency whenever its files' mtimes are newer than the last build
    // (every fresh clone), so without this every CI run would pay the ~8 min worker build.
    let cache = worker_cache::Cache::from_env(build_type);
    if let Some(cache) = &cache {
        if cache.restore(&out_dir) {
            emit_link_directives(&out_dir);
            return;
        }
    }

    // sfu patch: OpenSSL from the pinned `openssl-src` crate, built static, instead of the
    // upstream wrap (a download) or the system's 3.0.x, whose DTLS server crashes on the
    // fragmented DTLS 1.3 ClientHello (X25519MLKEM768 key share) that current Chrome sends.
    let openssl = openssl_src::Build::new()
        .out_dir(format!("{out_dir}/openssl"))
        .build();
    for lib in ["libssl.a", "libcrypto.a"] {
        fs::copy(openssl.lib_dir().join(lib), format!("{out_dir}/{lib}"))
            .unwrap_or_else(|e| panic!("Failed to copy {lib}: {e}"));
    }
    let pkg_config_path = openssl.lib_dir().join("pkgconfig");

    // Install Python invoke package in custom folder
    let pip_invoke_dir = format!("{out_dir}/pip_invoke");
    let python = env::var("PYTHON").unwrap_or("python3".to_string());
    let mut pythonpath = if let Ok(original_pythonpath) = env::var("PYTHONPATH") {
        format!("{pip_invoke_dir}:{original_pythonpath}")
    } else {
        pip_invoke_dir.clone()
    };

    // Force ";" in PYTHONPATH on Windows
    if cfg!(target_os = "windows") {
        pythonpath = pythonpath.replace(':', ";");
    }

    if !Command::new(&python)
        .arg("-m")
        .arg("pip")
        .arg("install")
        .arg("--upgrade")
        .arg("--target")
        .arg(pip_invoke_dir)
        .arg("invoke")
        .spawn()
        .expect("Failed to start")
        .wait()
        .expect("Wasn't running")
        .success()
    {
        panic!("Failed to install Python invoke package")
    }

    // Build
    if !Command::new(&python)
        .arg("-m")
        .arg("invoke")
        .arg("libmediasoup-worker")
        .env("PYTHONPATH", &pythonpath)
        .env("MEDIASOUP_OUT_DIR", &mediasoup_out_dir)
        .env("MEDIASOUP_BUILDTYPE", build_type)
        .env("PKG_CONFIG_PATH", &pkg_config_path)
        // Force forward slashes on Windows too, otherwise Meson thinks path is not absolute 🤷
        .env("MEDIASOUP_INSTALL_DIR", out_dir.replace('\\', "/"))
        .spawn()
        .expect("Failed to start")
        .wait()
        .expect("Wasn't running")
        .success()
    {
        panic!("Failed to build libmediasoup-worker")
    }

    #[cfg(target_os = "windows")]
    {
        let dot_a = format!("{out_dir}/libmediasoup-worker.a");
        let dot_lib = format!("{out_dir}/mediasoup-worker.lib");

        // Meson builds `libmediasoup-worker.a` on Windows instead of `*.lib` file under MinGW
        if std::path::Path::new(&dot_a).exists() {
            std::fs::copy(&dot_a, &dot_lib).unwrap_or_else(|error| {
                panic!("Failed to copy static library from {dot_a} to {dot_lib}: {error}");
            });
        }

        // These are required by libuv on Windows
        println!("cargo:rustc-link-lib=psapi");
        println!("cargo:rustc-link-lib=user32");
        println!("cargo:rustc-link-lib=advapi32");
        println!("cargo:rustc-link-lib=iphlpapi");
        println!("cargo:rustc-link-lib=userenv");
        println!("cargo:rustc-link-lib=ws2_32");
        println!("cargo:rustc-link-lib=dbghelp");
        println!("cargo:rustc-link-lib=ole32");
        println!("cargo:rustc-link-lib=uuid");
        println!("cargo:rustc-link-lib=shell32");

        // These are required by OpenSSL on Windows
        println!("cargo:rustc-link-lib=ws2_32");
        println!("cargo:rustc-link-lib=gdi32");
        println!("cargo:rustc-link-lib=advapi32");
        println!("cargo:rustc-link-lib=crypt32");
        println!("cargo:rustc-link-lib=user32");
    }

    // Remove subprojects/.wraplock created by Meson's directory locking
    // mechanism. It lives in the source tree and would cause `cargo package`
    // verification to fail with "Source directory was modified by build.rs".
    let wraplock = std::path::Path::new("subprojects/.wraplock");
    if wraplock.exists() {
        fs::remove_file(wraplock).expect("Failed to remove subprojects/.wraplock");
    }

    // Remove subprojects/packagecache folder created by Meson when downloading
    // wrap dependencies. Same problem: it lives in the source tree and breaks
    // `cargo publish` verification.
    let packagecache = std::path::Path::new("subprojects/packagecache");
    if packagecache.exists() {
        fs::remove_dir_all(packagecache).expect("Failed to remove subprojects/packagecache");
    }

    // Detect whether this build is the verification step of `cargo publish` /
    // `cargo package`. In that case Cargo unpacks the crate into
    // `<workspace>/target/package/<name>-<version>/` and builds it there, so
    // `CARGO_MANIFEST_DIR` points inside `target/package`. During that step the
    // source tree must be left untouched, otherwise Cargo fails with "Source
    // directory was modified by build.rs". Meson extracts the wrap subprojects
    // into the source tree, so we must always clean them here regardless of
    // `MEDIASOUP_LOCAL_DEV` (which a developer may have exported to speed up
    // their regular local builds).
    let is_publish_verification = env::var("CARGO_MANIFEST_DIR")
        .map(|dir| dir.replace('\\', "/").contains("/target/package/"))
        .unwrap_or(false);

    // `MEDIASOUP_LOCAL_DEV` is considered enabled when set to any non-empty value
    // (matching how npm-scripts.mjs treats it).
    let is_local_dev = env::var("MEDIASOUP_LOCAL_DEV")
        .map(|value| !value.is_empty())
        .unwrap_or(false);

    if is_publish_verification || !is_local_dev {
        // Clean
        if !Command::new(python)
            .arg("-m")
            .arg("invoke")
            .arg("clean-all")
            .env("PYTHONPATH", &pythonpath)
            .env("MEDIASOUP_OUT_DIR", &mediasoup_out_dir)
            .spawn()
            .expect("Failed to start")
            .wait()
            .expect("Wasn't running")
            .success()
        {
            panic!("Failed to clean libmediasoup-worker")
        }
    }

    if let Some(cache) = &cache {
        cache.store(&out_dir);
    }
    emit_link_directives(&out_dir);
}

fn emit_link_directives(out_dir: &str) {
    println!("cargo:rustc-link-lib=static=mediasoup-worker");
    println!("cargo:rustc-link-lib=static=ssl");
    println!("cargo:rustc-link-lib=static=crypto");
    println!("cargo:rustc-link-search=native={out_dir}");
}

/// sfu patch: a cache of `libmediasoup-worker.a` keyed by a hash of every input of the worker
/// build (sources, subprojects, meson files, build type, C++ compiler version).
///
/// Location: `$MEDIASOUP_WORKER_CACHE`, else `$XDG_CACHE_HOME/sfu/mediasoup-worker`, else
/// `$HOME/.cache/sfu/mediasoup-worker`. `MEDIASOUP_WORKER_CACHE=off` disables it.
mod worker_cache {
    use std::path::{Path, PathBuf};
    use std::process::Command;
    use std::{env, fs};

    /// What a cache entry holds: the worker and the OpenSSL it was compiled against.
    const LIBS: [&str; 3] = ["libmediasoup-worker.a", "libssl.a", "libcrypto.a"];
    /// Inputs of the C++ build, relative to the crate root.
    pub const INPUTS: &[&str] = &[
        "src",
        "include",
        "subprojects",
        "fbs",
        "meson.build",
        "meson_options.txt",
        "tasks.py",
        "scripts",
    ];

    pub struct Cache {
        entry: PathBuf,
    }

    impl Cache {
        pub fn from_env(build_type: &str) -> Option<Cache> {
            let root = match env::var("MEDIASOUP_WORKER_CACHE") {
                Ok(v) if v == "off" => return None,
                Ok(v) if !v.is_empty() => PathBuf::from(v),
                _ => {
                    let base = env::var_os("XDG_CACHE_HOME")
                        .map(PathBuf::from)
                        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
                    base.join("sfu").join("mediasoup-worker")
                }
            };
            let mut h = Fnv::new();
            h.write(build_type.as_bytes());
            h.write(openssl_src::version().as_bytes());
            h.write(openssl_src::source_dir().to_string_lossy().as_bytes());
            let cxx = env::var("CXX").unwrap_or_else(|_| "c++".to_string());
            if let Ok(out) = Command::new(&cxx).arg("--version").output() {
                h.write(&out.stdout);
            }
            let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").ok()?);
            for input in INPUTS {
                hash_tree(&manifest, &manifest.join(input), &mut h);
            }
            Some(Cache {
                entry: root.join(format!("{:016x}", h.finish())),
            })
        }

        pub fn restore(&self, out_dir: &str) -> bool {
            if !LIBS.iter().all(|lib| self.entry.join(lib).is_file()) {
                return false;
            }
            for lib in LIBS {
                if fs::copy(self.entry.join(lib), Path::new(out_dir).join(lib)).is_err() {
                    return false;
                }
            }
            println!("cargo:warning=mediasoup worker restored from cache {}", self.entry.display());
            true
        }

        pub fn store(&self, out_dir: &str) {
            if fs::create_dir_all(&self.entry).is_err() {
                return;
            }
            // Copy then rename, so a concurrent reader never sees half a library. The worker
            // goes last: restore checks for all three.
            for lib in LIBS.iter().rev() {
                let tmp = self.entry.join(format!("{lib}.tmp{}", std::process::id()));
                if fs::copy(Path::new(out_dir).join(lib), &tmp).is_ok() {
                    let _ = fs::rename(&tmp, self.entry.join(lib));
                } else {
                    let _ = fs::remove_file(&tmp);
                    return;
                }
            }
        }
    }

    fn hash_tree(root: &Path, path: &Path, h: &mut Fnv) {
        let Ok(meta) = fs::metadata(path) else { return };
        let rel = path.strip_prefix(root).unwrap_or(path);
        let name = rel.to_string_lossy();
        if name.ends_with(".wraplock") || name.contains("packagecache") {
            return;
        }
        if meta.is_dir() {
            let Ok(rd) = fs::read_dir(path) else { return };
            let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            entries.sort();
            for e in entries {
                hash_tree(root, &e, h);
            }
        } else if let Ok(bytes) = fs::read(path) {
            h.write(name.as_bytes());
            h.write(&[0]);
            h.write(&(bytes.len() as u64).to_le_bytes());
            h.write(&bytes);
        }
    }

    /// FNV-1a, 64 bit: stable across toolchains, unlike std's DefaultHasher.
    struct Fnv(u64);

    impl Fnv {
        fn new() -> Fnv {
            Fnv(0xcbf2_9ce4_8422_2325)
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= u64::from(*b);
                self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        fn finish(&self) -> u64 {
            self.0
        }
    }
}
