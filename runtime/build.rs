fn main() {
	#[cfg(feature = "std")]
	{
		substrate_wasm_builder::WasmBuilder::build_using_defaults();

		// With SUBTENSOR_NEXT_RUNTIME set (scripts/env.sh sets it), also this runtime one
		// `spec_version` higher (feature `spec-version-bump`), into
		// `subtensor_runtime_next.wasm` beside the runtime's own WASM: what the network test
		// enacts as a forkless upgrade. Built here, after the first, because both use the wasm
		// builder's one project directory; the node embeds only the first.
		println!("cargo:rerun-if-env-changed=SUBTENSOR_NEXT_RUNTIME");
		if std::env::var_os("SUBTENSOR_NEXT_RUNTIME").is_some() {
			substrate_wasm_builder::WasmBuilder::init_with_defaults()
				.enable_feature("spec-version-bump")
				.set_file_name("subtensor_runtime_next")
				.build();
		}
	}
}
