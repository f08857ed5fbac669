/** The JOSDK operator that reconciles DAG and TimeWindow resources into runtime workloads. */
package io.dishtayantra.operator;
