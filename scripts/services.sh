#!/usr/bin/env bash
# Makes sure the brokers and databases the tests use listen on 127.0.0.1:
# Redis 6379, RabbitMQ 5672, PostgreSQL 5432, MariaDB 3306, NATS 4222, Mosquitto 1883.
# A service that is not listening is started; one that is not installed is installed from
# Debian's packages first. Prints one line per service and exits 1 when one cannot be started.
set -u

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && exec 3>&- 3<&-
}

wait_port() {
  local port=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 5))); do
    port_open "$port" && return 0
    sleep 0.2
  done
  return 1
}

apt_updated=false
ensure_package() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "  $package is not installed and this script is not root: install it with apt-get install $package" >&2
    return 1
  fi
  if [ "$apt_updated" = false ]; then
    apt-get update -qq >/dev/null 2>&1
    apt_updated=true
  fi
  echo "  installing $package"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1
}

start_redis() {
  ensure_package redis-server redis-server || return 1
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null
}

start_rabbitmq() {
  ensure_package rabbitmq-server rabbitmq-server || return 1
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    rabbitmq-server -detached >/dev/null 2>&1
}

start_postgresql() {
  ensure_package pg_ctlcluster postgresql || return 1
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1
  wait_port 5432 30 || return 1
  # The tests connect as postgres over TCP without a password, to database "test".
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$version" main reload >/dev/null 2>&1
  fi
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='test'\"" 2>/dev/null | grep -q 1 \
    || su postgres -c "createdb test" >/dev/null 2>&1
}

start_mariadb() {
  ensure_package mariadbd mariadb-server || return 1
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >/dev/null 2>&1
  wait_port 3306 30 || return 1
  mariadb -uroot -e "CREATE DATABASE IF NOT EXISTS test" >/dev/null 2>&1
}

start_nats() {
  ensure_package nats-server nats-server || return 1
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log >/dev/null 2>&1
}

start_mosquitto() {
  ensure_package mosquitto mosquitto || return 1
  mosquitto -d -c /etc/mosquitto/mosquitto.conf >/dev/null 2>&1
}

failed=0
check() {
  local name=$1 port=$2 starter=$3 seconds=$4
  if port_open "$port"; then
    echo "$name: listening on 127.0.0.1:$port"
    return
  fi
  echo "$name: not listening on 127.0.0.1:$port, starting it"
  if "$starter" && wait_port "$port" "$seconds"; then
    echo "$name: started on 127.0.0.1:$port"
  else
    echo "$name: could not be started on 127.0.0.1:$port; see the log above and start it by hand" >&2
    failed=1
  fi
}

check Redis 6379 start_redis 10
check RabbitMQ 5672 start_rabbitmq 60
check PostgreSQL 5432 start_postgresql 30
check MariaDB 3306 start_mariadb 30
check NATS 4222 start_nats 10
check Mosquitto 1883 start_mosquitto 10
exit $failed
