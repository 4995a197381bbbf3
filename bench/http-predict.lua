-- wrk script for bench/http.sh: every request is one flight POSTed to /predict, as a client scoring one row sends it.
wrk.method = "POST"
wrk.body = '{"date":"2001-02-12 19:45","distance":740,"origin":"ORD","destination":"ATL"}'
wrk.headers["Content-Type"] = "application/json"
