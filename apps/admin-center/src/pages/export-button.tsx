// "Export CSV": asks the server for the export of what the list shows (same filters, same permissions) and saves
// it as a file; a cut export (over the server's bound) and a refusal are said in a toast.
import { toast } from "@gatehouse/ui";
import { Button } from "@mantine/core";
import { useState } from "react";

/** A CSV file as the exports router answers it. */
export interface CsvFile {
  readonly name: string;
  readonly csv: string;
  readonly rows: number;
  readonly truncated: boolean;
}

const save = (file: CsvFile) => {
  const url = URL.createObjectURL(new Blob([file.csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file.name;
  link.click();
  URL.revokeObjectURL(url);
};

export const ExportButton = ({ label, load }: { label: string; load: () => Promise<CsvFile> }) => {
  const [loading, setLoading] = useState(false);
  const run = async () => {
    setLoading(true);
    try {
      const file = await load();
      save(file);
      toast.success(
        file.truncated
          ? `Exported the first ${file.rows} rows only: narrow the list to export the rest`
          : `Exported ${file.rows} row(s) to ${file.name}`,
      );
    } catch (error) {
      toast.failure(error);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button variant="default" size="xs" loading={loading} onClick={() => void run()}>
      {label}
    </Button>
  );
};
