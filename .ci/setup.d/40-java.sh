# Java for the Spark tests (tests/spark run pyspark in local mode; Spark needs
# Java 17). Sourced by .ci/run after the venv is active.
if ! command -v java >/dev/null 2>&1; then
  echo "java not found: installing openjdk-17-jre-headless"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends openjdk-17-jre-headless
fi
java -version 2>&1 | head -1
if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|2[0-9])'; then
  echo "Spark needs Java 17 or newer; found: $(java -version 2>&1 | head -1)" >&2
  return 1 2>/dev/null || exit 1
fi
# the executors' Python workers run the venv's interpreter, which has thaw
export PYSPARK_PYTHON="${PYSPARK_PYTHON:-$(command -v python)}"
