"""Office formats: the province summary as a spreadsheet (xlsx, csv, json), the online form's
fields as plain text, a project as an editable Word file, and a Word report imported as a
project file. Heavy libraries (openpyxl, python-docx, PyThaiNLP) are imported by the module that
needs them, never by ``dossier.validate``."""
