# sfu in a container: a build stage that compiles the server (OpenSSL from the openssl-src crate
# and the C++ mediasoup worker from third_party/mediasoup-sys, as on a developer's machine), and
# a small runtime stage that runs it as a non-root user. See docs/deployment.md.
#
#   DOCKER_BUILDKIT=1 docker build -t sfu .     (BuildKit: Docker 20.10 or newer, for RUN --mount)
#   docker run --rm --network host -e SFU_ANNOUNCED_ADDRESS=203.0.113.7 sfu   (development mode;
#   production needs TLS and auth: see the docker run examples in docs/deployment.md)
#
# The build reaches only package registries: Debian (apt), crates.io (cargo) and PyPI (the
# worker's build.rs installs invoke, meson and ninja with pip). Nothing else is downloaded.
# Both base images come from a container registry; override them (e.g. a mirror) with
# --build-arg RUST_IMAGE=... / RUNTIME_IMAGE=....

# The toolchain the project is built and tested with (Cargo.toml's rust-version is the floor).
ARG RUST_IMAGE=rust:1.95-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${RUST_IMAGE} AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
# What scripts/setup installs for the build: a C/C++ toolchain, pkg-config (meson finds the
# vendored OpenSSL through it), perl (OpenSSL's Configure), python3 and pip (the worker's build).
# Versions are not pinned: the image is bookworm and these are its packages.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        build-essential pkg-config perl python3 python3-pip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Cache mounts (BuildKit): the crates.io registry, the target dir and the content-addressed
# mediasoup worker cache (docs/building.md) survive between builds, so a rebuild after a code
# change recompiles only sfu itself. The binary is copied out of the cache mount.
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,target=/usr/local/cargo/git,sharing=locked \
    --mount=type=cache,target=/src/target,sharing=locked \
    --mount=type=cache,target=/root/.cache/sfu,sharing=locked \
    cargo build --release --locked --bin sfu \
    && install -D -m 0755 target/release/sfu /out/sfu

FROM ${RUNTIME_IMAGE}
# The binary needs only libc, libm and libgcc_s (OpenSSL and the worker are linked in statically).
# ca-certificates: system roots for `sfu inspect https://...`; curl: the health check.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 sfu \
    && useradd --system --uid 10001 --gid sfu --home-dir /nonexistent --shell /usr/sbin/nologin sfu
COPY --from=build /out/sfu /usr/local/bin/sfu
COPY scripts/docker-healthcheck /usr/local/bin/sfu-healthcheck
# Numeric, so that runtimes checking runAsNonRoot can verify it without the image's passwd.
USER 10001:10001
# Defaults for a container: listen on all interfaces (the image's own loopback is useless).
# Set as variables, not flags, so that `docker run -e` / compose `environment:` can change them
# (a flag would win over SFU_*). They also win over a config file's `listen` and
# `rtc.listen_ip`: set them in the environment, not in the file.
ENV SFU_LISTEN=0.0.0.0:8080 \
    SFU_RTC_IP=0.0.0.0
# Signaling (HTTP/WebSocket), then the media range of the workers' WebRtcServers (UDP and TCP).
EXPOSE 8080/tcp 10000-10100/udp 10000-10100/tcp
# GET /healthz: 200 when serving, 503 while draining on SIGTERM (then the container turns
# unhealthy and a load balancer stops sending).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["sfu-healthcheck"]
# sfu is PID 1 and handles SIGTERM itself: peers are told, everything closes, exit 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["sfu"]
CMD ["serve"]
