//! Runs the `yuma-sim` binary on the examples and on malformed input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run_file(path: &str) -> Output {
	Command::new(env!("CARGO_BIN_EXE_yuma-sim")).arg(path).output().unwrap()
}

fn run_stdin(json: &str) -> Output {
	let mut child = Command::new(env!("CARGO_BIN_EXE_yuma-sim"))
		.arg("-")
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.unwrap();
	child.stdin.take().unwrap().write_all(json.as_bytes()).unwrap();
	child.wait_with_output().unwrap()
}

fn example(name: &str) -> String {
	format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn epochs(out: &Output) -> Vec<serde_json::Value> {
	assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
	serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

fn fails_with(json: &str, needle: &str) {
	let out = run_stdin(json);
	assert_eq!(out.status.code(), Some(1), "should fail: {json}");
	assert!(out.stdout.is_empty());
	let err = String::from_utf8_lossy(&out.stderr);
	assert!(err.contains(needle), "stderr {err:?} should mention {needle:?}");
	assert!(!err.contains("panicked"));
}

#[test]
fn classic_example_reproduces_test_active_stake() {
	let e = epochs(&run_file(&example("classic.json")));
	assert_eq!(e.len(), 5);
	// yuma-cases E6, steps 1–3
	assert_eq!(e[1]["dividends"][0], 32767);
	assert_eq!(e[2]["dividends"][0], 36044);
	assert_eq!(e[2]["combined_emission"][1], 224_999_999u64);
	assert_eq!(e[2]["bonds"][1][0][1], 53619);
	assert_eq!(e[3]["combined_emission"][0], 272_501_132u64);
	assert_eq!(e[3]["bonds"][1][0][1], 54712);
	// after replacing uid 3, nobody holds a bond to it
	for row in e[4]["bonds"].as_array().unwrap() {
		assert!(row.as_array().unwrap().iter().all(|c| c[0] != 3));
	}
	for ep in &e {
		let paid: u64 = ep["server_emission"]
			.as_array()
			.unwrap()
			.iter()
			.chain(ep["validator_emission"].as_array().unwrap())
			.map(|v| v.as_u64().unwrap())
			.sum();
		assert!(paid <= ep["emission"].as_u64().unwrap());
	}
}

#[test]
fn yuma3_example_runs_and_carries_bonds() {
	let e = epochs(&run_file(&example("yuma3.json")));
	assert_eq!(e.len(), 4);
	// absolute bonds grow towards the weight while consensus holds
	let b10 = e[0]["bonds"][0][0][1].as_u64().unwrap();
	let b20 = e[1]["bonds"][0][0][1].as_u64().unwrap();
	assert!(b20 > b10 && b10 > 0);
	// the registered UID appears in the last epoch
	assert_eq!(e[3]["n"], 6);
	assert_eq!(e[3]["incentive"].as_array().unwrap().len(), 6);
}

#[test]
fn rejects_unknown_field() {
	fails_with(r#"{"neurons": [{"stake": 1, "stak": 2}]}"#, "unknown field `stak`");
	fails_with(r#"{"neurons": [], "parms": {}}"#, "unknown field `parms`");
	fails_with(r#"{"neurons": [], "params": {"kapa": 1}}"#, "unknown field `kapa`");
	fails_with(
		r#"{"neurons": [{"stake": 1}], "steps": [{"epoch": {"block": 1, "emision": 5}}]}"#,
		"unknown field `emision`",
	);
	fails_with(r#"{"neurons": [], "steps": [{"dance": {}}]}"#, "unknown variant `dance`");
}

#[test]
fn rejects_weight_to_missing_uid() {
	fails_with(
		r#"{"neurons": [{"stake": 1}, {"stake": 1}],
		    "steps": [{"set_weights": {"uid": 0, "block": 1, "weights": [[1, 5], [7, 9]]}}]}"#,
		"steps[0].set_weights.weights[1]: uid 7 does not exist",
	);
	fails_with(
		r#"{"neurons": [{"stake": 1}], "steps": [{"set_weights": {"uid": 3, "block": 1, "weights": []}}]}"#,
		"steps[0].set_weights.uid: uid 3 does not exist",
	);
	fails_with(r#"{"neurons": [{"stake": 1, "bonds": [[4, 1]]}]}"#, "neurons[0].bonds[0]");
}

#[test]
fn rejects_duplicate_uids_in_a_row() {
	fails_with(
		r#"{"neurons": [{"stake": 1}, {"stake": 1}],
		    "steps": [{"epoch": {"block": 1, "emission": 1}},
		              {"set_weights": {"uid": 0, "block": 1, "weights": [[1, 5], [1, 9]]}}]}"#,
		"steps[1].set_weights.weights[1]: duplicate uid 1",
	);
}

#[test]
fn rejects_length_mismatch_and_bad_values() {
	fails_with(
		r#"{"neurons": [{"stake": 1}, {"stake": 1}], "steps": [{"set_stakes": {"stakes": [1, 2, 3]}}]}"#,
		"steps[0].set_stakes.stakes: length 3 does not match the 2 UIDs",
	);
	fails_with(r#"{"neurons": [{"stake": -1}]}"#, "invalid value");
	fails_with(r#"{"neurons": [{"stake": 1}], "params": {"kappa": 70000}}"#, "invalid value");
	fails_with(r#"{"neurons": [{"stake": 1}], "params": {"owner_uid": 1}}"#, "params.owner_uid");
	fails_with(
		r#"{"neurons": [{"stake": 1}], "params": {"owner_uid": 0}, "steps": [{"replace": {"uid": 0, "block": 3}}]}"#,
		"never replaced",
	);
	fails_with("not json", "invalid scenario");
	fails_with(r#"{"params": {}}"#, "missing field `neurons`");
}

#[test]
fn usage_and_missing_file() {
	let out = Command::new(env!("CARGO_BIN_EXE_yuma-sim")).output().unwrap();
	assert_eq!(out.status.code(), Some(2));
	let out = run_file("/nonexistent/scenario.json");
	assert_eq!(out.status.code(), Some(1));
	assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
