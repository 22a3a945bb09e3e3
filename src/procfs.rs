//! CPU time and memory of this process and its threads, read from `/proc` (Linux).
//!
//! mediasoup workers are threads of this process (the Rust crate runs them in-process), so a
//! worker's CPU is its thread's time on a CPU (schedstat, else `utime + stime`); the process RSS
//! includes the utterance buffer.

use std::time::Duration;

/// utime + stime of one thread of this process.
pub fn thread_cpu_time(tid: i32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/self/task/{tid}/stat")).ok()?;
    parse_stat_cpu(&stat, clock_ticks_per_second())
}

/// utime + stime of the whole process (all threads).
pub fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    parse_stat_cpu(&stat, clock_ticks_per_second())
}

/// A thread of this process's time on a CPU at nanosecond resolution, from
/// `/proc/self/task/<tid>/schedstat` (its first field); `None` where the kernel has no
/// schedstat. For windows of a few seconds, where /proc's `stat` clock ticks (10 ms) would be
/// a large part of the measurement.
pub fn thread_cpu_time_precise(tid: i32) -> Option<Duration> {
    let text = std::fs::read_to_string(format!("/proc/self/task/{tid}/schedstat")).ok()?;
    parse_schedstat(&text)
}

fn parse_schedstat(text: &str) -> Option<Duration> {
    text.split_whitespace()
        .next()?
        .parse::<u64>()
        .ok()
        .map(Duration::from_nanos)
}

/// utime + stime of this process at microsecond resolution, from `getrusage` rather than
/// `/proc`: the synthetic peers divide CPU over windows of a few hundred milliseconds, where
/// /proc's clock ticks (10 ms) would be most of the measurement.
pub fn process_cpu_time_precise() -> Option<Duration> {
    // SAFETY: getrusage writes into the struct we pass and has no other effect.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return None;
    }
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, (t.tv_usec as u32).saturating_mul(1000));
    Some(tv(usage.ru_utime) + tv(usage.ru_stime))
}

/// utime + stime of another process (for a server run as a child process).
pub fn pid_cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    parse_stat_cpu(&stat, clock_ticks_per_second())
}

/// utime + stime of another process's threads whose name (`comm`, 15 bytes at most) starts
/// with `prefix`, for example `mediasoup-work` for the workers of a server run as a child
/// process. Threads that end while they are read are skipped.
pub fn pid_threads_cpu_time(pid: u32, prefix: &str) -> Option<Duration> {
    let ticks_per_second = clock_ticks_per_second();
    let mut total = Duration::ZERO;
    for entry in std::fs::read_dir(format!("/proc/{pid}/task")).ok()?.flatten() {
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        if stat_comm(&stat).is_some_and(|comm| comm.starts_with(prefix)) {
            total += parse_stat_cpu(&stat, ticks_per_second).unwrap_or_default();
        }
    }
    Some(total)
}

/// The `comm` field of a /proc stat line: between the first `(` and the last `)`.
fn stat_comm(stat: &str) -> Option<&str> {
    stat.get(stat.find('(')? + 1..stat.rfind(')')?)
}

/// Resident set size of this process, in bytes.
pub fn process_rss_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    parse_statm_rss(&statm, page_size())
}

/// Resident set size of another process, in bytes.
pub fn pid_rss_bytes(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    parse_statm_rss(&statm, page_size())
}

fn clock_ticks_per_second() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let t = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if t > 0 {
        t as u64
    } else {
        100
    }
}

fn page_size() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as u64
    } else {
        4096
    }
}

/// Fields 14 and 15 of /proc/<pid>/stat, counted after the `comm` field, which may hold spaces
/// and parentheses and so ends at the last `)`.
fn parse_stat_cpu(stat: &str, ticks_per_second: u64) -> Option<Duration> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_ascii_whitespace();
    // After `comm`: state is field 3, so utime (14) is the 12th field here.
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    let ticks = utime + stime;
    Some(Duration::from_micros(ticks * 1_000_000 / ticks_per_second))
}

/// The second field of /proc/<pid>/statm: resident pages.
fn parse_statm_rss(statm: &str, page_size: u64) -> Option<u64> {
    let pages: u64 = statm.split_ascii_whitespace().nth(1)?.parse().ok()?;
    Some(pages * page_size)
}

#[cfg(test)]
mod tests {
    #[test]
    fn comm_is_read_between_the_outer_parentheses() {
        let stat = "42 (mediasoup-work) S 1 2 3";
        assert_eq!(super::stat_comm(stat), Some("mediasoup-work"));
        assert_eq!(super::stat_comm("7 (a (b) c) R 1"), Some("a (b) c"));
        assert_eq!(super::stat_comm("no comm"), None);
    }

    #[test]
    fn own_threads_are_summed_by_name() {
        let pid = std::process::id();
        let all = super::pid_threads_cpu_time(pid, "").expect("own task directory");
        let none = super::pid_threads_cpu_time(pid, "no thread is called this").unwrap();
        assert_eq!(none, std::time::Duration::ZERO);
        assert!(all <= super::pid_cpu_time(pid).unwrap() + std::time::Duration::from_millis(100));
        assert_eq!(super::pid_threads_cpu_time(u32::MAX, ""), None);
    }

    #[test]
    fn schedstat_first_field_is_nanoseconds() {
        assert_eq!(
            super::parse_schedstat("1234567890 55 7\n"),
            Some(std::time::Duration::from_nanos(1_234_567_890))
        );
        assert_eq!(super::parse_schedstat(""), None);
        assert_eq!(super::parse_schedstat("x 1 2"), None);
        // This thread's own, where the kernel has schedstat.
        let tid = unsafe { libc::gettid() };
        if std::path::Path::new(&format!("/proc/self/task/{tid}/schedstat")).exists() {
            assert!(super::thread_cpu_time_precise(tid).is_some());
        }
    }

    use super::*;

    #[test]
    fn parses_proc_stat_with_odd_comm() {
        let line = "1234 (mediasoup-w (1)) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 5 0 100 0 0";
        assert_eq!(parse_stat_cpu(line, 100), Some(Duration::from_secs(3)));
        assert_eq!(parse_stat_cpu("garbage", 100), None);
        assert_eq!(parse_stat_cpu("1 (x) S 1 2", 100), None);
    }

    #[test]
    fn parses_statm() {
        assert_eq!(parse_statm_rss("1000 250 30 4 0 60 0\n", 4096), Some(250 * 4096));
        assert_eq!(parse_statm_rss("1000", 4096), None);
        assert_eq!(parse_statm_rss("1000 x", 4096), None);
    }

    #[test]
    fn reads_own_thread_and_process() {
        // SAFETY: gettid has no preconditions.
        let tid = unsafe { libc::gettid() };
        let pid = std::process::id();
        let thread_before = thread_cpu_time(tid).expect("own thread's stat");
        let process_before = process_cpu_time().expect("own stat");
        let pid_before = pid_cpu_time(pid).expect("own stat by pid");
        // /proc counts in clock ticks (10 ms): spin until every reading moved by at least
        // two ticks (bounded in time however busy the machine is).
        let grown =
            |before: Duration, now: Option<Duration>| now.is_some_and(|n| n >= before + Duration::from_millis(20));
        let give_up = std::time::Instant::now() + Duration::from_secs(10);
        let mut x = 0u64;
        while std::time::Instant::now() < give_up
            && !(grown(thread_before, thread_cpu_time(tid))
                && grown(process_before, process_cpu_time())
                && grown(pid_before, pid_cpu_time(pid)))
        {
            for i in 0..100_000u64 {
                x = x.wrapping_mul(31).wrapping_add(i);
            }
        }
        std::hint::black_box(x);
        let thread_after = thread_cpu_time(tid).unwrap();
        let process_after = process_cpu_time().unwrap();
        let pid_after = pid_cpu_time(pid).unwrap();
        assert!(
            grown(thread_before, Some(thread_after)),
            "thread: {thread_before:?} -> {thread_after:?}"
        );
        assert!(
            grown(process_before, Some(process_after)),
            "process: {process_before:?} -> {process_after:?}"
        );
        assert!(
            grown(pid_before, Some(pid_after)),
            "by pid: {pid_before:?} -> {pid_after:?}"
        );
        // The thread's time is part of the process's.
        assert!(process_after >= thread_after, "{process_after:?} >= {thread_after:?}");
        assert!(process_rss_bytes().unwrap() > 1 << 20);
        assert!(pid_rss_bytes(pid).is_some());
    }

    #[test]
    fn precise_process_cpu_time_grows_while_busy() {
        let before = process_cpu_time_precise().expect("getrusage works");
        let give_up = std::time::Instant::now() + Duration::from_secs(10);
        let mut x = 0u64;
        let mut now = before;
        // Spin until 20 ms of CPU went by (however busy the machine's other cores are).
        while now < before + Duration::from_millis(20) && std::time::Instant::now() < give_up {
            for i in 0..10_000u64 {
                x = x.wrapping_mul(31).wrapping_add(i);
            }
            now = process_cpu_time_precise().expect("getrusage works");
        }
        std::hint::black_box(x);
        assert!(now >= before + Duration::from_millis(20), "{before:?} -> {now:?}");
    }
}
