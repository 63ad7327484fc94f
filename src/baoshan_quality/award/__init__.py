"""宝府规〔2023〕3号, the Measures: the District Government Quality Award."""
