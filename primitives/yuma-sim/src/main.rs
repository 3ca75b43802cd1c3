//! `yuma-sim`: run Yuma Consensus epochs of one subnet from a JSON scenario.
//!
//! Usage: `yuma-sim SCENARIO.json` (or `-` for standard input). Prints a JSON array with one
//! object per epoch step. The schema is documented in `primitives/yuma-sim/README.md`. Malformed
//! or inconsistent input is reported on standard error, naming the offending field, with exit
//! code 1 (2 for a usage error); nothing is printed on standard output then.

use serde::{Deserialize, Serialize};
use std::io::Read;
use std::process::ExitCode;
use subtensor_math::fixed::u16_max_upscale;
use subtensor_math::yuma::{epoch, last_tempo, EpochInputs, EpochOutputs, YumaParams};

/// Subnet parameters; every field is optional and defaults to the chain's default.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Params {
	tempo: u16,
	activity_cutoff: u64,
	kappa: u16,
	bonds_penalty: u16,
	bonds_moving_average: u64,
	max_allowed_validators: u16,
	tao_weight: u64,
	stake_threshold: u64,
	owner_uid: Option<u16>,
	yuma3: bool,
	liquid_alpha: bool,
	alpha_low: u16,
	alpha_high: u16,
	alpha_sigmoid_steepness: i16,
}

impl Default for Params {
	fn default() -> Self {
		let d = YumaParams::default();
		Params {
			tempo: 360,
			activity_cutoff: d.activity_cutoff,
			kappa: d.kappa,
			bonds_penalty: d.bonds_penalty,
			bonds_moving_average: d.bonds_moving_average,
			max_allowed_validators: d.max_allowed_validators,
			tao_weight: d.tao_weight,
			stake_threshold: d.stake_threshold,
			owner_uid: None,
			yuma3: d.yuma3,
			liquid_alpha: d.liquid_alpha,
			alpha_low: d.alpha_low,
			alpha_high: d.alpha_high,
			alpha_sigmoid_steepness: d.alpha_sigmoid_steepness,
		}
	}
}

/// One neuron at the start of the scenario; its UID is its index.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Neuron {
	stake: u64,
	#[serde(default)]
	root_stake: u64,
	#[serde(default)]
	registered_at: u64,
	#[serde(default)]
	validator_permit: bool,
	/// Initial weights `[[uid, weight], …]`, stored as given (already max-upscaled) with
	/// LastUpdate = `last_update` (default: the registration block).
	#[serde(default)]
	weights: Vec<(u16, u16)>,
	#[serde(default)]
	last_update: Option<u64>,
	/// Initial stored bonds `[[uid, bond], …]`.
	#[serde(default)]
	bonds: Vec<(u16, u16)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetWeights {
	uid: u16,
	block: u64,
	weights: Vec<(u16, u16)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetStake {
	uid: u16,
	stake: u64,
	#[serde(default)]
	root_stake: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetStakes {
	stakes: Vec<u64>,
	#[serde(default)]
	root_stakes: Option<Vec<u64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Register {
	block: u64,
	#[serde(default)]
	stake: u64,
	#[serde(default)]
	root_stake: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Replace {
	uid: u16,
	block: u64,
	#[serde(default)]
	stake: u64,
	#[serde(default)]
	root_stake: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RunEpoch {
	block: u64,
	emission: u64,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Step {
	SetWeights(SetWeights),
	SetStake(SetStake),
	SetStakes(SetStakes),
	Register(Register),
	Replace(Replace),
	Epoch(RunEpoch),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
	#[serde(default)]
	params: Params,
	neurons: Vec<Neuron>,
	#[serde(default)]
	steps: Vec<Step>,
}

#[derive(Debug, Serialize)]
struct EpochReport {
	step: usize,
	block: u64,
	emission: u64,
	n: u16,
	stake_weight: Vec<u16>,
	active: Vec<bool>,
	validator_permit: Vec<bool>,
	rank: Vec<u16>,
	trust: Vec<u16>,
	consensus: Vec<u16>,
	incentive: Vec<u16>,
	dividends: Vec<u16>,
	validator_trust: Vec<u16>,
	pruning_scores: Vec<u16>,
	bonds: Vec<Vec<(u16, u16)>>,
	server_emission: Vec<u64>,
	validator_emission: Vec<u64>,
	combined_emission: Vec<u64>,
}

impl EpochReport {
	fn new(step: usize, block: u64, emission: u64, n: u16, o: EpochOutputs) -> Self {
		EpochReport {
			step,
			block,
			emission,
			n,
			stake_weight: o.stake_weight,
			active: o.active,
			validator_permit: o.validator_permit,
			rank: o.rank,
			trust: o.trust,
			consensus: o.consensus,
			incentive: o.incentive,
			dividends: o.dividends,
			validator_trust: o.validator_trust,
			pruning_scores: o.pruning_scores,
			bonds: o.bonds,
			server_emission: o.server_emission,
			validator_emission: o.validator_emission,
			combined_emission: o.emission,
		}
	}
}

/// The subnet state carried between steps, as the chain keeps it in storage.
struct State {
	inputs: EpochInputs,
	params: YumaParams,
	tempo: u16,
	/// Block of the previous epoch (`LastMechansimStepBlock`), 0 before the first.
	last_step_block: u64,
}

fn check_row(row: &[(u16, u16)], n: u16, field: &str) -> Result<(), String> {
	let mut seen = std::collections::BTreeSet::new();
	for (k, &(j, _)) in row.iter().enumerate() {
		if j >= n {
			return Err(format!("{field}[{k}]: uid {j} does not exist (the subnet has {n} UIDs)"));
		}
		if !seen.insert(j) {
			return Err(format!("{field}[{k}]: duplicate uid {j} in the row"));
		}
	}
	Ok(())
}

fn check_uid(uid: u16, n: u16, field: &str) -> Result<usize, String> {
	if uid >= n {
		return Err(format!("{field}: uid {uid} does not exist (the subnet has {n} UIDs)"));
	}
	Ok(usize::from(uid))
}

fn set<T>(v: &mut [T], i: usize, x: T) {
	if let Some(e) = v.get_mut(i) {
		*e = x;
	}
}

impl State {
	fn new(sc: &Scenario) -> Result<Self, String> {
		let n = u16::try_from(sc.neurons.len())
			.map_err(|_| format!("neurons: {} neurons, at most 65535", sc.neurons.len()))?;
		let p = &sc.params;
		if let Some(o) = p.owner_uid {
			check_uid(o, n, "params.owner_uid")?;
		}
		if p.alpha_low > p.alpha_high {
			return Err("params.alpha_low: must not exceed params.alpha_high".into());
		}
		if p.bonds_moving_average > 1_000_000 {
			return Err("params.bonds_moving_average: must be at most 1000000".into());
		}
		let mut inputs = EpochInputs { n, ..EpochInputs::default() };
		for (i, nr) in sc.neurons.iter().enumerate() {
			check_row(&nr.weights, n, &format!("neurons[{i}].weights"))?;
			check_row(&nr.bonds, n, &format!("neurons[{i}].bonds"))?;
			inputs.alpha_stake.push(nr.stake);
			inputs.root_stake.push(nr.root_stake);
			inputs.validator_permit.push(nr.validator_permit);
			inputs.block_at_registration.push(nr.registered_at);
			inputs.last_update.push(nr.last_update.unwrap_or(nr.registered_at));
			inputs.weights.push(nr.weights.clone());
			inputs.bonds.push(nr.bonds.clone());
		}
		let params = YumaParams {
			activity_cutoff: p.activity_cutoff,
			tao_weight: p.tao_weight,
			stake_threshold: p.stake_threshold,
			max_allowed_validators: p.max_allowed_validators,
			owner_uid: p.owner_uid,
			kappa: p.kappa,
			bonds_penalty: p.bonds_penalty,
			bonds_moving_average: p.bonds_moving_average,
			yuma3: p.yuma3,
			liquid_alpha: p.liquid_alpha,
			alpha_low: p.alpha_low,
			alpha_high: p.alpha_high,
			alpha_sigmoid_steepness: p.alpha_sigmoid_steepness,
			..YumaParams::default()
		};
		Ok(State { inputs, params, tempo: p.tempo, last_step_block: 0 })
	}

	fn n(&self) -> u16 {
		self.inputs.n
	}

	/// Clear UID `uid` for a new hotkey registered at `block` (yuma.md §5 `replace_neuron`).
	fn reset_uid(&mut self, uid: usize, block: u64, stake: u64, root_stake: u64) {
		if let Some(row) = self.inputs.bonds.get_mut(uid) {
			row.clear();
		}
		if let Some(row) = self.inputs.weights.get_mut(uid) {
			row.clear();
		}
		for row in self.inputs.weights.iter_mut() {
			for e in row.iter_mut() {
				if usize::from(e.0) == uid {
					e.1 = 0;
				}
			}
		}
		set(&mut self.inputs.validator_permit, uid, false);
		set(&mut self.inputs.last_update, uid, block);
		set(&mut self.inputs.block_at_registration, uid, block);
		set(&mut self.inputs.alpha_stake, uid, stake);
		set(&mut self.inputs.root_stake, uid, root_stake);
	}

	fn apply(&mut self, k: usize, step: &Step) -> Result<Option<EpochReport>, String> {
		let n = self.n();
		match step {
			Step::SetWeights(s) => {
				let uid = check_uid(s.uid, n, &format!("steps[{k}].set_weights.uid"))?;
				check_row(&s.weights, n, &format!("steps[{k}].set_weights.weights"))?;
				let vals: Vec<u16> = s.weights.iter().map(|&(_, w)| w).collect();
				let row = s.weights.iter().map(|&(j, _)| j).zip(u16_max_upscale(&vals)).collect();
				set(&mut self.inputs.weights, uid, row);
				set(&mut self.inputs.last_update, uid, s.block);
			},
			Step::SetStake(s) => {
				let uid = check_uid(s.uid, n, &format!("steps[{k}].set_stake.uid"))?;
				set(&mut self.inputs.alpha_stake, uid, s.stake);
				if let Some(r) = s.root_stake {
					set(&mut self.inputs.root_stake, uid, r);
				}
			},
			Step::SetStakes(s) => {
				if s.stakes.len() != usize::from(n) {
					return Err(format!(
						"steps[{k}].set_stakes.stakes: length {} does not match the {n} UIDs",
						s.stakes.len()
					));
				}
				if let Some(r) = &s.root_stakes {
					if r.len() != usize::from(n) {
						return Err(format!(
							"steps[{k}].set_stakes.root_stakes: length {} does not match the {n} UIDs",
							r.len()
						));
					}
					self.inputs.root_stake = r.clone();
				}
				self.inputs.alpha_stake = s.stakes.clone();
			},
			Step::Register(s) => {
				let new_n = n.checked_add(1).ok_or(format!("steps[{k}].register: subnet full"))?;
				self.inputs.n = new_n;
				self.inputs.alpha_stake.push(0);
				self.inputs.root_stake.push(0);
				self.inputs.validator_permit.push(false);
				self.inputs.last_update.push(0);
				self.inputs.block_at_registration.push(0);
				self.inputs.weights.push(Vec::new());
				self.inputs.bonds.push(Vec::new());
				self.reset_uid(usize::from(n), s.block, s.stake, s.root_stake);
			},
			Step::Replace(s) => {
				let uid = check_uid(s.uid, n, &format!("steps[{k}].replace.uid"))?;
				if self.params.owner_uid == Some(s.uid) {
					return Err(format!(
						"steps[{k}].replace.uid: uid {} is the subnet owner's and is never replaced",
						s.uid
					));
				}
				self.reset_uid(uid, s.block, s.stake, s.root_stake);
			},
			Step::Epoch(e) => {
				self.params.current_block = e.block;
				self.params.last_tempo = last_tempo(e.block, self.tempo, self.last_step_block);
				self.params.rao_emission = e.emission;
				let out = epoch(&self.inputs, &self.params);
				self.inputs.validator_permit = out.validator_permit.clone();
				self.inputs.bonds = out.bonds.clone();
				self.last_step_block = e.block;
				return Ok(Some(EpochReport::new(k, e.block, e.emission, n, out)));
			},
		}
		Ok(None)
	}
}

fn run(text: &str) -> Result<String, String> {
	let sc: Scenario = serde_json::from_str(text).map_err(|e| format!("invalid scenario: {e}"))?;
	let mut state = State::new(&sc)?;
	let mut reports = Vec::new();
	for (k, step) in sc.steps.iter().enumerate() {
		if let Some(r) = state.apply(k, step)? {
			reports.push(r);
		}
	}
	serde_json::to_string_pretty(&reports).map_err(|e| format!("cannot encode output: {e}"))
}

fn main() -> ExitCode {
	let args: Vec<String> = std::env::args().skip(1).collect();
	let path = match args.as_slice() {
		[p] if p != "-h" && p != "--help" => p.clone(),
		_ => {
			eprintln!("usage: yuma-sim SCENARIO.json   (use - to read standard input)");
			eprintln!("schema: primitives/yuma-sim/README.md");
			return ExitCode::from(2);
		},
	};
	let text = if path == "-" {
		let mut s = String::new();
		if let Err(e) = std::io::stdin().read_to_string(&mut s) {
			eprintln!("error: cannot read standard input: {e}");
			return ExitCode::from(1);
		}
		s
	} else {
		match std::fs::read_to_string(&path) {
			Ok(s) => s,
			Err(e) => {
				eprintln!("error: cannot read {path}: {e}");
				return ExitCode::from(1);
			},
		}
	};
	match run(&text) {
		Ok(json) => {
			println!("{json}");
			ExitCode::SUCCESS
		},
		Err(e) => {
			eprintln!("error: {e}");
			ExitCode::from(1)
		},
	}
}
