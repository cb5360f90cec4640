"""What monitoring writes out for people and other systems: alerts as CAP messages, situation
reports as PDF and DOCX, incidents as ACLED CSV, XLSX and GeoJSON. Each renders what a selector
read for the viewer; none of them reads the store on its own."""
