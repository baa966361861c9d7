#!/usr/bin/env bash
# Scaffolds a bundle folder (pom.xml + build.properties). Usage: new-bundle.sh ID eclipse-plugin|eclipse-test-plugin
set -eu
id=$1; packaging=${2:-eclipse-plugin}
dir="$(dirname "$0")/../../bundles/$id"
mkdir -p "$dir/META-INF" "$dir/src"
cat > "$dir/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>org.guanxi</groupId><artifactId>guanxi-parent</artifactId><version>0.1.0-SNAPSHOT</version><relativePath>../../pom.xml</relativePath></parent>
  <artifactId>$id</artifactId>
  <packaging>$packaging</packaging>
</project>
POM
[ -f "$dir/build.properties" ] || printf 'source.. = src/\noutput.. = bin/\nbin.includes = META-INF/,\\\n               .\n' > "$dir/build.properties"
